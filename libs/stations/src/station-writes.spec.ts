import { foldStationWrites, StationWrite } from './station-writes';

const write = (id: string, set: Record<string, unknown>): StationWrite => ({
  id,
  filter: { _id: id },
  set,
});

describe('foldStationWrites', () => {
  it('folds the writes to one station into one statement, later values winning', () => {
    const writes = [
      write('t/A', { online: true, lastSeen: 1 }),
      write('t/B', { online: false }),
      write('t/A', { 'connectors.1': { status: 'Charging' }, lastSeen: 2 }),
      write('t/A', { 'connectors.2': { status: 'Available' }, online: false }),
    ];
    expect(foldStationWrites(writes)).toEqual([
      {
        updateOne: {
          filter: { _id: 't/A' },
          update: {
            $set: {
              online: false,
              lastSeen: 2,
              'connectors.1': { status: 'Charging' },
              'connectors.2': { status: 'Available' },
            },
          },
        },
      },
      { updateOne: { filter: { _id: 't/B' }, update: { $set: { online: false } } } },
    ]);
    // The callers' objects are left as they were.
    expect(writes[0].set).toEqual({ online: true, lastSeen: 1 });
  });

  it('keeps a write whose paths nest in an earlier one as a statement of its own, after it', () => {
    const operations = foldStationWrites([
      write('t/A', { 'connectors.1': { status: 'Charging' } }),
      write('t/A', { 'connectors.1.status': 'Finishing' }),
      write('t/A', { 'connectors.1.errorCode': 'NoError', online: true }),
    ]);
    expect(
      operations.map((operation) => ('updateOne' in operation ? operation.updateOne.update : null)),
    ).toEqual([
      { $set: { 'connectors.1': { status: 'Charging' } } },
      { $set: { 'connectors.1.status': 'Finishing', 'connectors.1.errorCode': 'NoError', online: true } },
    ]);
  });
});
