/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into records keyed by the header
 * row's lowercased names. Each record keeps its 1-based line number for error reports.
 */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export function parseCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const rows = splitRows(text.replace(/^\uFEFF/, ''));
  const headerRow = rows.shift();
  if (!headerRow) return { header: [], records: [] };
  const header = headerRow.cells.map((name) => name.trim().toLowerCase());
  const records = rows
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
    .map((row) => ({
      line: row.line,
      values: Object.fromEntries(header.map((name, index) => [name, (row.cells[index] ?? '').trim()])),
    }));
  return { header, records };
}

function splitRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows;
}
