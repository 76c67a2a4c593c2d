import type { mongo } from 'mongoose';

export interface CommandCost {
  /** `update charging_stations`, `find tags`… */
  command: string;
  count: number;
  totalMs: number;
}

/**
 * Times every command the server sends to its database (driver command monitoring: the URI needs
 * `monitorCommands=true`), by command and collection: where the database's time goes.
 */
export class DatabaseCommandTimer {
  private readonly started = new Map<number, string>();
  private costs = new Map<string, CommandCost>();

  constructor(client: mongo.MongoClient) {
    client.on('commandStarted', (event) => {
      const target = event.command[event.commandName] as unknown;
      this.started.set(
        event.requestId,
        `${event.commandName} ${typeof target === 'string' ? target : ''}`.trim(),
      );
    });
    const finished = (event: { requestId: number; duration: number }): void => {
      const command = this.started.get(event.requestId);
      if (command === undefined) return;
      this.started.delete(event.requestId);
      const cost = this.costs.get(command) ?? { command, count: 0, totalMs: 0 };
      cost.count++;
      cost.totalMs += event.duration;
      this.costs.set(command, cost);
    };
    client.on('commandSucceeded', finished);
    client.on('commandFailed', finished);
  }

  /** The costliest commands since the last reset, most total time first. */
  top(limit: number, reset: boolean): CommandCost[] {
    const top = [...this.costs.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, limit);
    if (reset) this.costs = new Map();
    return top;
  }
}

/** Prints the server's costliest database commands since the last call, and starts counting afresh. */
export async function logDatabaseCommands(
  server: { ask<T>(command: Record<string, unknown>, timeoutMs?: number): Promise<T> },
  phase: string,
  log: (line: string) => void,
): Promise<void> {
  const top = await server
    .ask<CommandCost[]>({ type: 'databaseCommands', limit: 12, reset: true })
    .catch(() => []);
  if (!top.length) return;
  log(`  database time in ${phase}, by command:`);
  for (const cost of top) {
    log(
      `    ${cost.command.padEnd(36)} ${String(cost.count).padStart(7)} × ${(cost.totalMs / cost.count).toFixed(1).padStart(7)} ms = ${(cost.totalMs / 1000).toFixed(1)} s`,
    );
  }
}
