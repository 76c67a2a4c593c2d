import { ConfigurationReport } from '@csms/stations';
import { TemplateParameter } from '../models/template-parameter-block.model';

export type ParameterAction = 'change' | 'unchanged' | 'unsupported';

export interface ParameterPlan extends TemplateParameter {
  previousValue?: string;
  action: ParameterAction;
}

const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

/**
 * Whether the station's value already is the wanted one: numbers by value ("60" = "60.0"),
 * booleans regardless of case, comma-separated lists (measurands) regardless of order and spaces.
 */
export function sameConfigurationValue(wanted: string, actual: string): boolean {
  const a = wanted.trim();
  const b = actual.trim();
  if (a === b) return true;
  if (NUMBER.test(a) && NUMBER.test(b)) return Number(a) === Number(b);
  if (BOOLEAN.test(a) && BOOLEAN.test(b)) return a.toLowerCase() === b.toLowerCase();
  if (a.includes(',') || b.includes(',')) {
    const items = (list: string) =>
      list
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .sort();
    return JSON.stringify(items(a)) === JSON.stringify(items(b));
  }
  return false;
}

/**
 * What to do with each wanted key given what the station reported: keys it declared unknown are
 * unsupported, keys already right are left alone, the rest (including keys it did not report,
 * such as write-only ones) are changed. OCPP 1.x keys are case-insensitive.
 */
export function planChanges(wanted: TemplateParameter[], report: ConfigurationReport): ParameterPlan[] {
  const reported = new Map(report.keys.map((entry) => [entry.key.toLowerCase(), entry.value]));
  const unknown = new Set(report.unknownKeys.map((key) => key.toLowerCase()));
  return wanted.map(({ key, value }): ParameterPlan => {
    const name = key.toLowerCase();
    if (unknown.has(name) && !reported.has(name)) return { key, value, action: 'unsupported' };
    const previousValue = reported.get(name);
    if (previousValue !== undefined && sameConfigurationValue(value, previousValue)) {
      return { key, value, previousValue, action: 'unchanged' };
    }
    return { key, value, previousValue, action: 'change' };
  });
}

/** 2.0.1 SetVariables answers mapped onto the 1.6 words (Accepted, Rejected, RebootRequired, NotSupported). */
const NOT_SUPPORTED_ANSWERS = new Set([
  'NotSupported',
  'UnknownComponent',
  'UnknownVariable',
  'NotSupportedAttributeType',
]);

export function changeStatusOf(answer: string): string {
  return NOT_SUPPORTED_ANSWERS.has(answer) ? 'NotSupported' : answer;
}
