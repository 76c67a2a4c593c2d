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
    expect(stored[3]).toMatchObject({ messageIds: ['m-3-1', 'm-3-2'], count: 2, action: 'MeterValues' });
  });
});
