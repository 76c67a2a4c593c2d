import { csvLine } from './csv';

describe('csvLine', () => {
  it('quotes what needs it and leaves the rest plain', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 12.5, null, undefined, true])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",12.5,,,true\r\n',
    );
  });

  it('writes dates in ISO 8601 UTC and keeps spreadsheet formulas inert', () => {
    expect(csvLine([new Date('2025-01-02T03:04:05Z'), '=HYPERLINK("x")', -3])).toBe(
      '2025-01-02T03:04:05.000Z,"\'=HYPERLINK(""x"")",-3\r\n',
    );
  });
});
