import 'reflect-metadata';
import { AuditLog } from '@csms/audit';
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
 * probe: memory, the time its database commands took (by command and collection), ConsumptionAdded
 * published straight on its EventBus (the live-curve baseline), and the audit log's writes switched
 * off and on, with its batch figures (the audit-log baseline). Prints `CSMS listening on <url>` when ready.
 */
async function main(): Promise<void> {
  const app = await startServer(loadConfig());
  const events = app.get(EventBus);
  const commands = new DatabaseCommandTimer(app.get<Connection>(getConnectionToken()).getClient());
  const audit = app.get(AuditLog);
  const storeAuditEntry = audit.record.bind(audit);
  serveBenchProbe({
    // The audit benchmark's baseline: the same mutations with their entry's write left out.
    auditWrites: (command) => {
      audit.record = command.on === false ? async () => undefined : storeAuditEntry;
    },
    auditStats: () => ({ ...audit.stats }),
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
