import { toOcpp16Frame } from './v16-error-codes';

describe('toOcpp16Frame', () => {
  it.each([
    ['FormatViolation', 'FormationViolation'],
    ['OccurrenceConstraintViolation', 'OccurenceConstraintViolation'],
    ['RpcFrameworkError', 'FormationViolation'],
    ['MessageTypeNotSupported', 'FormationViolation'],
  ])('speaks 1.6: %s becomes %s', (from, to) => {
    expect(JSON.parse(toOcpp16Frame(JSON.stringify([4, 'id', from, 'why', {}])))).toEqual([
      4,
      'id',
      to,
      'why',
      {},
    ]);
  });

  it('leaves 1.6 codes and other frames untouched', () => {
    const error = JSON.stringify([4, 'id', 'NotImplemented', '', {}]);
    const result = JSON.stringify([3, 'id', { status: 'FormatViolation' }]);
    expect(toOcpp16Frame(error)).toBe(error);
    expect(toOcpp16Frame(result)).toBe(result);
  });
});
