import {
  OcppCallRef,
  OperationContext,
  ServiceUnavailableError,
  TenantId,
  asTenantId,
  noteOcppCall,
  runOperation,
} from '@csms/common';
import { fromWireJson, toWireJson } from '@csms/events/redis/wire-json';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ClusterOptions } from '../cluster-options';
import { WireError, errorFromWire, errorToWire } from './remote-error.codec';
import { CommandExecutor, RemoteCommandTransport } from './remote-command.transport';
import { StationCommandName, isStationCommandName } from './station-command-names';

interface CommandRequest {
  id: string;
  replyTo: string;
  command: StationCommandName;
  tenantId: string;
  stationId: string;
  args: unknown[];
}

/** `ocppCalls`: the CALLs the command sent the station, for the asking instance's audit log. */
type CommandReply = { id: string; from: string; ocppCalls?: OcppCallRef[] } & (
  { ok: true; value: unknown } | { ok: false; error: WireError }
);

interface Pending {
  resolve: (reply: CommandReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

function isRequest(value: unknown): value is CommandRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Partial<CommandRequest>;
  return (
    typeof request.id === 'string' &&
    typeof request.replyTo === 'string' &&
    isStationCommandName(request.command) &&
    typeof request.tenantId === 'string' &&
    typeof request.stationId === 'string' &&
    Array.isArray(request.args)
  );
}

function isReply(value: unknown): value is CommandReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Partial<{ id: unknown; from: unknown; ok: unknown; error: unknown }>;
  if (typeof reply.id !== 'string' || typeof reply.from !== 'string' || typeof reply.ok !== 'boolean')
    return false;
  return reply.ok || (typeof reply.error === 'object' && reply.error !== null);
}

/**
 * Request/reply over Redis pub/sub: each instance listens on its own request channel and its own
 * reply channel; a request carries a correlation id and the channel to answer on. Nobody listening
 * on the owner's channel (the owner is gone) is StationOfflineError at once; no answer within
 * `remoteCommandTimeoutMs` is StationTimeoutError. Arguments and results keep their Dates (wire-json).
 */
export class RedisCommandTransport extends RemoteCommandTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisCommandTransport.name);
  private readonly pending = new Map<string, Pending>();
  private executor?: CommandExecutor;
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly instanceId: string,
    private readonly options: Pick<ClusterOptions, 'keyPrefix' | 'remoteCommandTimeoutMs'>,
  ) {
    super();
  }

  /** Connects and listens; resolves when requests and replies to this instance will be received. */
  static async connect(
    url: string,
    instanceId: string,
    options: Pick<ClusterOptions, 'keyPrefix' | 'remoteCommandTimeoutMs'>,
  ): Promise<RedisCommandTransport> {
    const publisher = new Redis(url, { connectionName: 'csms-commands-pub' });
    const subscriber = new Redis(url, { connectionName: 'csms-commands-sub' });
    const transport = new RedisCommandTransport(publisher, subscriber, instanceId, options);
    subscriber.on('message', (channel: string, message: string) => transport.receive(channel, message));
    try {
      await subscriber.subscribe(transport.requestChannel(instanceId), transport.replyChannel(instanceId));
    } catch (error) {
      await transport.close();
      throw error;
    }
    return transport;
  }

  async send(
    owner: string,
    command: StationCommandName,
    tenantId: TenantId,
    stationId: string,
    args: unknown[],
  ): Promise<unknown> {
    if (this.publisher.status !== 'ready') {
      // At once, rather than after the client's retries: the command cannot leave this instance.
      throw new ServiceUnavailableError(
        `The command to charging station ${stationId} cannot reach the instance holding it: ` +
          "the cluster's Redis is unreachable; try again shortly",
      );
    }
    const reply = await this.request(owner, command, tenantId, stationId, args);
    // Noted here, in the asking operation's context, as the edge notes the calls it sends itself.
    for (const call of reply.ocppCalls ?? []) noteOcppCall(call);
    if (reply.ok) return reply.value;
    throw errorFromWire(reply.error, reply.from);
  }

  private request(
    owner: string,
    command: StationCommandName,
    tenantId: TenantId,
    stationId: string,
    args: unknown[],
  ): Promise<CommandReply> {
    const id = randomUUID();
    const answer = new Promise<CommandReply>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(id, () => reject(new StationTimeoutError(stationId, command))),
        this.options.remoteCommandTimeoutMs,
      );
      this.pending.set(id, { resolve, reject, timer });
    });
    const request: CommandRequest = { id, replyTo: this.instanceId, command, tenantId, stationId, args };
    this.publisher.publish(this.requestChannel(owner), toWireJson(request)).then(
      (receivers) => {
        if (receivers === 0) this.fail(id, new StationOfflineError(stationId));
      },
      (error: unknown) => this.fail(id, error instanceof Error ? error : new Error(String(error))),
    );
    return answer;
  }

  serve(executor: CommandExecutor): void {
    this.executor = executor;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const [id, pending] of this.pending)
      this.settle(id, () => pending.reject(new Error('Shutting down')));
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }

  private receive(channel: string, message: string): void {
    let parsed: unknown;
    try {
      parsed = fromWireJson(message);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'Unreadable message on a command channel');
      return;
    }
    if (channel === this.replyChannel(this.instanceId) && isReply(parsed)) this.onReply(parsed);
    else if (channel === this.requestChannel(this.instanceId) && isRequest(parsed))
      void this.onRequest(parsed);
    else this.logger.warn({ channel }, 'Malformed message on a command channel');
  }

  private onReply(reply: CommandReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return; // Timed out already.
    this.settle(reply.id, () => pending.resolve(reply));
  }

  private async onRequest(request: CommandRequest): Promise<void> {
    let reply: CommandReply;
    const operation: OperationContext = { ocppCalls: [] };
    const answered = { id: request.id, from: this.instanceId, ocppCalls: operation.ocppCalls };
    try {
      const executor = this.executor;
      if (!executor) throw new StationOfflineError(request.stationId);
      const tenantId = asTenantId(request.tenantId);
      const value = await runOperation(operation, () =>
        executor(request.command, tenantId, request.stationId, request.args),
      );
      reply = { ...answered, ok: true, value };
    } catch (error) {
      reply = { ...answered, ok: false, error: errorToWire(error) };
    }
    if (this.closed) return;
    try {
      await this.publisher.publish(this.replyChannel(request.replyTo), toWireJson(reply));
    } catch (error) {
      this.logger.error({ err: error, command: request.command }, 'Could not send a command reply');
    }
  }

  private fail(id: string, error: Error): void {
    const pending = this.pending.get(id);
    if (pending) this.settle(id, () => pending.reject(error));
  }

  private settle(id: string, outcome: () => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    outcome();
  }

  private requestChannel(instanceId: string): string {
    return `${this.options.keyPrefix}:commands:${instanceId}`;
  }

  private replyChannel(instanceId: string): string {
    return `${this.options.keyPrefix}:replies:${instanceId}`;
  }
}
