import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and keeps line numbers', () => {
    const { header, records } = parseCsv(
      '\uFEFFEmail,FirstName,Note\r\na@x.test,"Smith, Ann","say ""hi"""\r\n\r\n"b@x.test",Bob,"two\nlines"\nc@x.test,Cy',
    );
    expect(header).toEqual(['email', 'firstname', 'note']);
    expect(records).toEqual([
      { line: 2, values: { email: 'a@x.test', firstname: 'Smith, Ann', note: 'say "hi"' } },
      { line: 4, values: { email: 'b@x.test', firstname: 'Bob', note: 'two\nlines' } },
      { line: 6, values: { email: 'c@x.test', firstname: 'Cy', note: '' } },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(parseCsv('')).toEqual({ header: [], records: [] });
  });
});
