import { toOcpp201Frame } from './v201-error-codes';

describe('toOcpp201Frame', () => {
  it('spells CALLERROR codes as OCPP-J 2.0.1 does', () => {
    expect(JSON.parse(toOcpp201Frame('[4,"1","OccurenceConstraintViolation","x",{}]'))).toEqual([
      4,
      '1',
      'OccurrenceConstraintViolation',
      'x',
      {},
    ]);
    expect(JSON.parse(toOcpp201Frame('[4,"2","FormationViolation","x",{}]'))[2]).toBe('FormatViolation');
  });

  it('leaves other frames and 2.0.1 codes untouched', () => {
    for (const frame of ['[3,"1",{}]', '[2,"1","Heartbeat",{}]', '[4,"1","RpcFrameworkError","x",{}]']) {
      expect(toOcpp201Frame(frame)).toBe(frame);
    }
  });
});
