import { currentOperation, noteOcppCall, OperationContext, runOperation } from './operation-context';

const call = (messageId: string) => ({ chargingStationId: 'CS-1', action: 'Reset', messageId });
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('operation context', () => {
  it('is seen by everything an operation awaits, and by nothing outside it', async () => {
    const operation: OperationContext = { ip: '10.0.0.1', ocppCalls: [] };
    await runOperation(operation, async () => {
      await tick();
      noteOcppCall(call('a'));
      await Promise.resolve().then(() => noteOcppCall(call('b')));
      expect(currentOperation()).toBe(operation);
    });
    noteOcppCall(call('outside'));
    expect(operation.ocppCalls.map((noted) => noted.messageId)).toEqual(['a', 'b']);
    expect(currentOperation()).toBeUndefined();
  });

  it('keeps overlapping operations apart, and the longer one its context after the shorter ends', async () => {
    const long: OperationContext = { ocppCalls: [] };
    const short: OperationContext = { ocppCalls: [] };
    let endLong!: () => void;
    const longRun = runOperation(long, async () => {
      await new Promise<void>((resolve) => (endLong = resolve));
      noteOcppCall(call('long'));
    });
    await runOperation(short, async () => {
      await tick();
      noteOcppCall(call('short'));
    });
    endLong();
    await longRun;
    expect(long.ocppCalls.map((noted) => noted.messageId)).toEqual(['long']);
    expect(short.ocppCalls.map((noted) => noted.messageId)).toEqual(['short']);
  });

  it('works again after every operation ended, and after one that failed', async () => {
    await expect(
      runOperation({ ocppCalls: [] }, async () => {
        await tick();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(() =>
      runOperation({ ocppCalls: [] }, () => {
        throw new Error('at once');
      }),
    ).toThrow('at once');
    const later: OperationContext = { ocppCalls: [] };
    await runOperation(later, async () => {
      await tick();
      noteOcppCall(call('later'));
    });
    expect(later.ocppCalls).toHaveLength(1);
  });
});
