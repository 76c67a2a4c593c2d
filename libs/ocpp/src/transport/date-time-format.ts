/**
 * The OCPP schemas' `date-time` format, accepting exactly what ocpp-rpc's validator (ajv-formats
 * 2.1) accepts, without its allocations: that one splits the text and runs two capturing regexes,
 * three arrays and a handful of strings for each timestamp of each CALL. Here one regex test checks
 * the shape, and the fields are read from the character codes. As there, the time zone may be
 * left out, and its offset's figures are not range-checked.
 */
const SHAPE = /^\d{4}-\d\d-\d\d[tT\s]\d\d:\d\d:\d\d(?:\.\d+)?(?:[zZ]|[+-]\d\d(?::?\d\d)?)?$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZERO = 48;

/** The decimal number of `count` ASCII digits from `at` (the shape is already checked). */
function figures(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index++) value = value * 10 + text.charCodeAt(index) - ZERO;
  return value;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function isDateTime(text: string): boolean {
  if (!SHAPE.test(text)) return false;
  const year = figures(text, 0, 4);
  const month = figures(text, 5, 2);
  const day = figures(text, 8, 2);
  const hour = figures(text, 11, 2);
  const minute = figures(text, 14, 2);
  const second = figures(text, 17, 2);
  const lastDay = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month];
  const inDay =
    (hour <= 23 && minute <= 59 && second <= 59) || (hour === 23 && minute === 59 && second === 60);
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay && inDay;
}
