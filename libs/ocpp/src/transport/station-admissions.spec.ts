import { StationAdmissions } from './station-admissions';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('StationAdmissions', () => {
  afterEach(() => jest.useRealTimers());

  it('lets in `limit` stations, the next in arrival order as each is released, once per release', async () => {
    const admissions = new StationAdmissions(2);
    const first = await admissions.enter();
    await admissions.enter();
    const entered: string[] = [];
    void admissions.enter().then(() => entered.push('third'));
    void admissions.enter().then(() => entered.push('fourth'));
    await turn();
    expect(entered).toEqual([]);
    expect(admissions.load).toEqual({ running: 2, waiting: 2 });

    first.release();
    first.release();
    await turn();
    expect(entered).toEqual(['third']);
    expect(admissions.load).toEqual({ running: 2, waiting: 1 });
  });

  it('frees the slot of a station that sends no CALL within the grace time, not of one that does', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const admissions = new StationAdmissions(2);
    const silent = await admissions.enter();
    const calling = await admissions.enter();
    silent.expectCallWithin(5_000);
    calling.expectCallWithin(5_000);
    calling.callArrived();
    jest.advanceTimersByTime(5_000);
    await turn();
    expect(admissions.load).toEqual({ running: 1, waiting: 0 });

    calling.release();
    await turn();
    expect(admissions.load).toEqual({ running: 0, waiting: 0 });
  });
});
