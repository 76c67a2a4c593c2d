import { DelayedMerge } from './delayed-merge';

describe('DelayedMerge', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function merger(outcome: () => Promise<void> = () => Promise.resolve()) {
    const released: [string, number[]][] = [];
    const merge = new DelayedMerge<string, number[]>(
      1000,
      (earlier, later) => [...earlier, ...later],
      (key, value) => {
        released.push([key, value]);
        return outcome();
      },
    );
    return { merge, released };
  }

  it('releases every waiting value together after the delay, values of one key merged', async () => {
    const { merge, released } = merger();
    const first = merge.add('a', [1]);
    await jest.advanceTimersByTimeAsync(600);
    const second = merge.add('a', [2]);
    void merge.add('b', [3]);
    expect(merge.peek('a')).toEqual([1, 2]);
    await jest.advanceTimersByTimeAsync(399);
    expect(released).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await Promise.all([first, second]);
    expect(released).toEqual([
      ['a', [1, 2]],
      ['b', [3]],
    ]);
    expect(merge.peek('a')).toBeUndefined();
  });

  it('lets one key go early; the others keep waiting', async () => {
    const { merge, released } = merger();
    void merge.add('a', [1]);
    void merge.add('b', [2]);
    merge.release('a');
    merge.release('missing');
    expect(released).toEqual([['a', [1]]]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(released).toEqual([
      ['a', [1]],
      ['b', [2]],
    ]);
  });

  it("settles every add with its release's failure", async () => {
    const { merge } = merger(() => Promise.reject(new Error('write failed')));
    const outcomes = [merge.add('a', [1]), merge.add('a', [2])].map((added) =>
      added.then(
        () => 'ok',
        (error: Error) => error.message,
      ),
    );
    merge.releaseAll();
    expect(await Promise.all(outcomes)).toEqual(['write failed', 'write failed']);
  });
});
