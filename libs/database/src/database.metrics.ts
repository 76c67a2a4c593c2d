import { HistogramSeries, Metrics, SeriesCache } from '@csms/metrics';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** The driver's write commands; reads are not what this histogram is about. */
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

/**
 * Database write latency by command and collection, from the driver's command monitoring (on only
 * when metrics are: see DatabaseModule). Writes on the hot path are group-committed, so this is one
 * observation per batch, not per message.
 */
@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.enabled) return;
    const latency = new SeriesCache<HistogramSeries>(
      this.metrics.histogram({
        name: 'csms_database_write_duration_seconds',
        help: 'Round trip of a database write command (one batch of a group commit), by command and collection',
        labelNames: ['command', 'collection'],
      }),
      2,
    );
    const writes = new Map<number, { command: string; collection: string }>();
    const client = this.connection.getClient();
    client.on('commandStarted', (event) => {
      if (!WRITES.has(event.commandName)) return;
      const collection = event.command[event.commandName] as unknown;
      writes.set(event.requestId, {
        command: event.commandName,
        collection: typeof collection === 'string' ? collection : '',
      });
    });
    const finished = (event: { requestId: number; duration: number }): void => {
      const write = writes.get(event.requestId);
      if (!write) return;
      writes.delete(event.requestId);
      latency.of(write.command, write.collection).observe(event.duration / 1000);
    };
    client.on('commandSucceeded', finished);
    client.on('commandFailed', finished);
  }
}
