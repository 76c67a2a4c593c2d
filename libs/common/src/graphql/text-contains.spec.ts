import { textContains } from './text-contains';

describe('textContains', () => {
  it('matches case-insensitively anywhere in the text', () => {
    expect(textContains('cs-1').test('Depot CS-12')).toBe(true);
    expect(textContains('cs-1').test('CS-2')).toBe(false);
  });

  it('takes regex characters literally', () => {
    expect(textContains('a.b*').test('xa.b*y')).toBe(true);
    expect(textContains('a.b*').test('axbb')).toBe(false);
  });
});
