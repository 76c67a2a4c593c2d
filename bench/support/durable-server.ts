import { mongo } from 'mongoose';
import { WebSocketServer } from 'ws';
import { startBareOcppServer } from './bare-ocpp-server';
import { serveBenchProbe } from './bench-probe';

/**
 * The durable floor: the bare `ws` server of `echo-server.ts` that stores each MeterValues in the
 * database at MONGODB_URI before answering it, with group commit (what arrives while a write is in
 * flight goes in the next insertMany). Other CALLs are answered `{}` at once. Documents go where the
 * CSMS puts its points (`consumptions`, same index) so that the same check finds them.
 */
type Ack = () => void;
interface MeterValuesPayload {
  connectorId: number;
  transactionId?: number;
  meterValue: { timestamp: string; sampledValue: unknown[] }[];
}
const client = new mongo.MongoClient(process.env.MONGODB_URI ?? '', { directConnection: true });
const consumptions = client.db().collection('consumptions');
let queue: { docs: mongo.Document[]; acks: Ack[] } = { docs: [], acks: [] };
let writing = false;

function flush(): void {
  if (writing || !queue.docs.length) return;
  const batch = queue;
  queue = { docs: [], acks: [] };
  writing = true;
  consumptions
    .insertMany(batch.docs, { ordered: false })
    .then(
      () => batch.acks.forEach((ack) => ack()),
      (error: unknown) =>
        process.stderr.write(`insertMany failed, ${batch.docs.length} left unanswered: ${String(error)}\n`),
    )
    .finally(() => {
      writing = false;
      flush();
    });
}

function store(stationId: string, payload: MeterValuesPayload, ack: Ack): void {
  for (const value of payload.meterValue) {
    queue.docs.push({
      tenantId: 'default',
      chargingStationId: stationId,
      connectorId: payload.connectorId,
      transactionId: String(payload.transactionId),
      timestamp: new Date(value.timestamp),
      sampledValuesJson: JSON.stringify(value.sampledValue),
    });
  }
  queue.acks.push(ack);
  flush();
}

async function listen(): Promise<WebSocketServer> {
  await client.connect();
  await consumptions.createIndex({ tenantId: 1, transactionId: 1, timestamp: 1 });
  return startBareOcppServer((call, answer, request) => {
    if (call.action !== 'MeterValues') return answer();
    const stationId = decodeURIComponent((request.url ?? '').split('/').pop() ?? '');
    store(stationId, call.payload as MeterValuesPayload, answer);
  });
}

const listening = listen();
listening.catch((error: unknown) => {
  process.stderr.write(`durable server did not start: ${String(error)}\n`);
  process.exit(1);
});

serveBenchProbe({});

process.on(
  'SIGTERM',
  () =>
    void listening.then((server) => server.close(() => void client.close().finally(() => process.exit(0)))),
);
