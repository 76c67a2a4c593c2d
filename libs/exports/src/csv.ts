import { ExportCell } from './export-kind';

/** One RFC 4180 line (CRLF): fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(cells: readonly ExportCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function csvField(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  // A leading =, +, - or @ would be a formula to a spreadsheet: quoted with a leading apostrophe.
  const safe = /^[=+\-@]/.test(text) && typeof cell === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
