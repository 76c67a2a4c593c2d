import { asTenantId } from '@csms/common';
import mongoose from 'mongoose';
import { OcppMessageDirection } from '../../libs/ocpp/src/message-log/models/ocpp-message.model';
import {
  INSERT_CHUNK,
  OcppMessageRecord,
  OcppMessageRepository,
} from '../../libs/ocpp/src/message-log/ocpp-message.repository';
import {
  OcppMessageDocument,
  OcppMessageSchema,
} from '../../libs/ocpp/src/message-log/schemas/ocpp-message.schema';
import { uniqueDatabaseUri } from '../setup/test-database';

const TENANT = asTenantId('default');

function run(station: number): OcppMessageRecord {
  return {
    tenantId: TENANT,
    stationId: `CS-${station}`,
    direction: OcppMessageDirection.IN,
    messageType: 'CALL',
    action: 'MeterValues',
    messageId: `m-${station}-1`,
    messageIds: [`m-${station}-1`, `m-${station}-2`],
    count: 2,
    sizeBytes: 400,
    at: new Date(Date.UTC(2026, 0, 1, 10, 0, 0, station)),
  };
}

/**
 * The message log's batches are written in inserts of at most INSERT_CHUNK records, so that on the
 * embedded database (one writer) no log write keeps the meter values waiting long; on the run's
 * database, with the driver's command monitoring counting the inserts.
 */
describe('OCPP message log storage', () => {
  let connection: mongoose.Connection;
  let repository: OcppMessageRepository;
  const insertSizes: number[] = [];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(uniqueDatabaseUri('ocpp_message_log'), { monitorCommands: true })
      .asPromise();
    connection.getClient().on('commandStarted', (event) => {
      if (event.commandName === 'insert' && event.command.insert === 'ocpp_messages')
        insertSizes.push((event.command.documents as unknown[]).length);
    });
    repository = new OcppMessageRepository(connection.model(OcppMessageDocument.name, OcppMessageSchema));
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('writes a large batch in inserts of at most INSERT_CHUNK records, every record stored', async () => {
    const records = Array.from({ length: INSERT_CHUNK * 2 + 7 }, (_, station) => run(station));
    await repository.insertBatch(records);

    expect(insertSizes).toEqual([INSERT_CHUNK, INSERT_CHUNK, 7]);
    const stored = await connection.collection('ocpp_messages').find({}).sort({ at: 1 }).toArray();
    expect(stored.map((doc) => doc.stationId)).toEqual(records.map((record) => record.stationId));
    expect(stored[3]).toMatchObject({ messageIdsJson: '["m-3-1","m-3-2"]', count: 2, action: 'MeterValues' });
    expect(stored[3]).not.toHaveProperty('messageIds');
  });

  it('finds a run by any of its message ids, whatever characters they hold, and reads them back', async () => {
    const awkward = ['a"b', 'c,d', 'e]f', 'g\\', '[h', 'i.*', 'j,', ',k'];
    await repository.insertBatch([
      { ...run(900), stationId: 'CS-AWKWARD', messageId: awkward[0], messageIds: awkward, count: 6 },
    ]);
    for (const messageId of awkward) {
      const { edges } = await repository.page(TENANT, { messageId }, { first: 10 });
      expect(edges.map((edge) => [edge.node.chargingStationId, edge.node.messageIds])).toEqual([
        ['CS-AWKWARD', awkward],
      ]);
    }
    // Only whole ids: neither a part of one nor two run together.
    for (const messageId of ['a', 'b', 'c', '"c', 'h', 'i', 'i.', 'a"b","c,d', ','])
      expect((await repository.page(TENANT, { messageId }, { first: 10 })).edges).toEqual([]);
  });

  it('reads and finds runs written before, with their ids as an array', async () => {
    await connection.collection('ocpp_messages').insertOne({
      ...run(901),
      tenantId: 'default',
      stationId: 'CS-OLD',
      messageId: 'old-1',
      messageIds: ['old-1', 'old-2'],
    });
    const { edges } = await repository.page(TENANT, { messageId: 'old-2' }, { first: 10 });
    expect(edges.map((edge) => [edge.node.chargingStationId, edge.node.messageIds])).toEqual([
      ['CS-OLD', ['old-1', 'old-2']],
    ]);
  });
});
