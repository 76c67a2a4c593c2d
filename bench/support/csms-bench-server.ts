import 'reflect-metadata';
import { asTenantId, loadConfig } from '@csms/common';
import { domainEvent, EventBus } from '@csms/events';
import { CONSUMPTION_ADDED, ConsumptionAddedPayload } from '@csms/transactions';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { startServer } from '../../apps/csms/src/bootstrap';
import { serveBenchProbe } from './bench-probe';
import { DatabaseCommandTimer } from './database-commands';

/**
 * The real server (`startServer`, configured from the environment like main.ts) with the benchmarks'
 * probe: memory, the time its database commands took (by command and collection), and ConsumptionAdded
 * published straight on its EventBus (the live-curve baseline). Prints `CSMS listening on <url>` when ready.
 */
async function main(): Promise<void> {
  const app = await startServer(loadConfig());
  const events = app.get(EventBus);
  const commands = new DatabaseCommandTimer(app.get<Connection>(getConnectionToken()).getClient());
  serveBenchProbe({
    databaseCommands: (command) => commands.top(Number(command.limit ?? 8), command.reset === true),
    exit: async () => {
      await app.close();
      setImmediate(() => process.exit(0));
    },
    publishConsumption: (command) => {
      const payload = command as unknown as Omit<ConsumptionAddedPayload, 'consumption'> & {
        tenantId: string;
        timestampMs: number;
        cumulatedWh: number;
      };
      return events.publish(
        domainEvent(CONSUMPTION_ADDED, asTenantId(payload.tenantId), {
          transactionId: payload.transactionId,
          chargingStationId: payload.chargingStationId,
          connectorId: payload.connectorId,
          consumption: { timestamp: new Date(payload.timestampMs), cumulatedWh: payload.cumulatedWh },
        }),
      );
    },
  });
  process.stdout.write(`CSMS listening on ${await app.getUrl()}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
