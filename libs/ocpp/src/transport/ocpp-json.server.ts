import { hasRole, StationOwnershipRegistry } from '@csms/cluster';
import { presentsCertificateOf } from './client-certificate';
import { APP_CONFIG, AppConfig, asTenantId, ConcurrencyLimit, TenantId } from '@csms/common';
import { StationInbound } from '@csms/stations/ports/station-inbound.port';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { RPCServer } from 'ocpp-rpc';
import type { IHandshakeInterface } from 'ocpp-rpc/lib/server-client';
import { VersionAdapter } from '../adapters/version-adapter';
import { VersionAdapterRegistry } from '../adapters/version-adapter.registry';
import { recordFrames } from '../message-log/ocpp-frame.recorder';
import { OcppMessageLogWriter } from '../message-log/ocpp-message-log.writer';
import { StationSession } from '../session/station-session';
import { StationSessionRegistry } from '../session/station-session.registry';
import { isOcppPath, parseStationAddress } from './ocpp-path';
import {
  CALL_CONCURRENCY,
  FIRST_CALL_GRACE_MS,
  INBOUND_CALLS_AT_ONCE,
  PING_INTERVAL_MS,
} from './ocpp-transport.constants';
import { createSchemaValidator, SchemaValidator } from './ocpp-validation';
import { admitCalls } from './call-admission';
import { answerCallsDirectly } from './inbound-calls';
import {
  FrameLimits,
  GuardedSocket,
  guardedWebSocketClass,
  HARD_FRAME_LIMIT_FACTOR,
  Refusal,
} from './frame-guard';
import { RpcConnection, socketOf } from './rpc-connection';
import { Admission, StationAdmissions } from './station-admissions';

type Accept = (session?: Record<string, unknown>, protocol?: string | false) => void;
type Reject = (code: number, message: string) => void;

interface SessionSeed {
  tenantId: string;
  stationId: string;
  admission: Admission;
}

/**
 * OCPP-J over WebSocket on the application's own HTTP server: `/ocpp/{tenant}/{station}` upgrades
 * are authenticated before the handshake completes, then each connection becomes a StationSession
 * served by the adapter of its negotiated subprotocol. Other upgrade paths are not touched.
 */
@Injectable()
export class OcppJsonServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OcppJsonServer.name);
  private readonly validators = new Map<string, SchemaValidator>();
  private readonly pendingNotifications = new Set<Promise<void>>();
  private readonly inboundCalls = new ConcurrencyLimit(INBOUND_CALLS_AT_ONCE);
  private readonly admissions: StationAdmissions;
  private rpc: RPCServer | undefined;
  private httpServer: Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly httpAdapterHost: HttpAdapterHost,
    private readonly adapters: VersionAdapterRegistry,
    private readonly sessions: StationSessionRegistry,
    private readonly stations: StationInbound,
    private readonly messageLog: OcppMessageLogWriter,
    private readonly ownership: StationOwnershipRegistry,
  ) {
    this.admissions = new StationAdmissions(config.OCPP_ADMISSIONS_AT_ONCE);
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!this.rpc || !isOcppPath(request.url)) return;
    void this.rpc.handleUpgrade(request, socket as never, head);
  };

  /** Without the ocpp role nothing else answers an OCPP upgrade: refuse it rather than leave it hanging. */
  private readonly refuseUpgrade = (request: IncomingMessage, socket: Duplex): void => {
    if (!isOcppPath(request.url)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };

  onApplicationBootstrap(): void {
    const httpServer = this.httpAdapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!hasRole(this.config, 'ocpp')) {
      httpServer?.on('upgrade', this.refuseUpgrade);
      this.httpServer = httpServer;
      return;
    }
    if (!httpServer) {
      this.logger.warn('No HTTP server: the OCPP-J endpoint is not served');
      return;
    }
    const subprotocols = this.adapters.subprotocols;
    for (const subprotocol of subprotocols)
      this.validators.set(subprotocol, createSchemaValidator(subprotocol));
    this.rpc = new RPCServer({
      protocols: subprotocols,
      strictMode: true,
      strictModeValidators: [...this.validators.values()] as never,
      callTimeoutMs: this.config.OCPP_CALL_TIMEOUT_MS,
      pingIntervalMs: PING_INTERVAL_MS,
      callConcurrency: CALL_CONCURRENCY,
      respondWithDetailedErrors: false,
      wssOptions: this.socketOptions(),
    });
    this.rpc.auth((accept, reject, handshake, signal) => void this.admit(accept, reject, handshake, signal));
    this.rpc.on('client', (client: RpcConnection) => this.onConnection(client));
    this.rpc.on('error', (error: unknown) => this.logger.error({ err: error }, 'OCPP-J server error'));
    httpServer.on('upgrade', this.onUpgrade);
    this.httpServer = httpServer;
  }

  /**
   * Frames past the limits are refused before ocpp-rpc reads them (frame-guard); beyond four times
   * the size limit, ws closes the connection (1009) without reading the frame into memory.
   */
  private socketOptions(): { maxPayload: number; WebSocket: ReturnType<typeof guardedWebSocketClass> } {
    const limits: FrameLimits = {
      maxFrameBytes: this.config.OCPP_MAX_FRAME_BYTES,
      messagesPerSecond: this.config.OCPP_MAX_MESSAGES_PER_SECOND,
    };
    return {
      maxPayload: HARD_FRAME_LIMIT_FACTOR * limits.maxFrameBytes,
      WebSocket: guardedWebSocketClass(limits, {
        speak: (protocol, callError) => {
          const frame = JSON.stringify(callError);
          return this.adapters.get(protocol)?.outboundFrame(frame) ?? frame;
        },
        refused: (socket: GuardedSocket, refusal: Refusal) =>
          this.logger.warn(
            {
              station: socket.station,
              reason: refusal.reason,
              answered: refusal.callError?.[2] ?? 'dropped',
            },
            `A frame of ${socket.station ?? 'a station'} was refused (${refusal.reason}); ` +
              'further ones of this connection for the same reason are not logged',
          ),
      }),
    };
  }

  /** The upgrade waits for a free admission slot; a station that hung up meanwhile costs nothing more. */
  private async admit(
    accept: Accept,
    reject: Reject,
    handshake: IHandshakeInterface,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const admission = await this.admissions.enter();
    if (signal?.aborted) return admission.release();
    const refuse: Reject = (code, message) => {
      admission.release();
      reject(code, message);
    };
    try {
      await this.authenticate(
        (seed, subprotocol) => {
          admission.expectCallWithin(FIRST_CALL_GRACE_MS);
          accept({ ...seed, admission } satisfies SessionSeed, subprotocol);
        },
        refuse,
        handshake,
      );
    } catch (error) {
      this.logger.error({ err: error, url: handshake.request.url }, 'Could not admit a station');
      refuse(500, 'Internal server error');
    }
  }

  /** 404 for an unknown tenant or station, 401 for wrong or missing credentials, 400 without a common subprotocol. */
  private async authenticate(
    accept: (seed: Omit<SessionSeed, 'admission'>, subprotocol: string) => void,
    reject: Reject,
    handshake: IHandshakeInterface,
  ): Promise<void> {
    const address = parseStationAddress(handshake.request.url);
    if (!address) return reject(404, 'Not found: connect to /ocpp/{tenant}/{chargingStationId}');
    try {
      const password = handshake.password?.toString('utf8');
      const certified = presentsCertificateOf(handshake.request, address.stationId);
      const decision = await this.stations.mayConnect(
        address.tenantId,
        address.stationId,
        password,
        certified,
        address.registrationToken,
      );
      if (!decision.allowed) {
        if (decision.reason === 'bad-credentials') return reject(401, 'Unauthorized');
        return reject(
          404,
          decision.reason === 'unknown-tenant' ? 'Unknown tenant' : 'Unknown charging station',
        );
      }
    } catch (error) {
      const { tenantId, stationId } = address;
      this.logger.error({ err: error, tenantId, stationId }, 'Could not check a station connection');
      return reject(503, 'Service unavailable');
    }
    const subprotocol = this.adapters.negotiate(handshake.protocols);
    if (!subprotocol)
      return reject(400, `No supported subprotocol; offer one of ${this.adapters.subprotocols.join(', ')}`);
    accept({ tenantId: address.tenantId, stationId: address.stationId }, subprotocol);
  }

  private onConnection(connection: RpcConnection): void {
    const seed = connection.session as unknown as SessionSeed;
    const adapter = this.adapters.get(connection.protocol);
    const validator = this.validators.get(connection.protocol);
    if (!adapter || !validator) {
      seed.admission.release();
      void connection.close({ code: 1002, reason: 'Unsupported subprotocol' });
      return;
    }
    const tenantId = asTenantId(seed.tenantId);
    const socket: GuardedSocket | undefined = socketOf(connection);
    if (socket) socket.station = `${tenantId}/${seed.stationId}`;
    const session = new StationSession(tenantId, seed.stationId, adapter.ocppVersion, connection, validator);
    this.speakDialect(connection, adapter);
    answerCallsDirectly(connection, validator);
    recordFrames(
      connection,
      tenantId,
      seed.stationId,
      (entry) => this.messageLog.record(entry),
      this.config.OCPP_CALL_TIMEOUT_MS,
      (messageId) => session.takeAnswerNote(messageId),
    );
    connection.on(
      'strictValidationFailure',
      ({ outbound, isCall, error }: { outbound: boolean; isCall: boolean; error: Error }) => {
        // Inbound failures are the station's and answered with a CALLERROR; ours are bugs.
        if (outbound && !isCall)
          this.logger.error({ err: error, stationId: seed.stationId }, 'Our answer failed validation');
      },
    );
    const replaced = this.sessions.add(session);
    if (replaced) void replaced.close('Replaced by a new connection of the same station');
    // Other instances route this station's commands here from now on.
    void this.notify(tenantId, seed.stationId, 'ownership', () =>
      this.ownership.claim(tenantId, seed.stationId),
    );
    const connected = this.notify(tenantId, seed.stationId, 'connected', () =>
      this.stations.connected(tenantId, seed.stationId, session.link),
    );
    admitCalls(connection, connected, this.inboundCalls, seed.admission);
    adapter.attach(session);
    connection.once('close', () => this.onClose(session));
  }

  /** Every frame this connection sends passes the adapter's dialect filter (e.g. 1.6 error codes). */
  private speakDialect(connection: RpcConnection, adapter: VersionAdapter): void {
    const send = connection.sendRaw.bind(connection);
    connection.sendRaw = (frame: string) => send(adapter.outboundFrame(frame));
  }

  private onClose(session: StationSession): void {
    // A connection replaced by a newer one of the same station does not make the station offline.
    if (!this.sessions.remove(session)) return;
    void this.notify(session.tenantId, session.stationId, 'ownership release', () =>
      this.ownership.release(session.tenantId, session.stationId),
    );
    void this.notify(session.tenantId, session.stationId, 'disconnected', () =>
      this.stations.disconnected(session.tenantId, session.stationId),
    );
  }

  /** Runs a domain notification in the background; the promise never rejects (failures are logged). */
  private notify(
    tenantId: TenantId,
    stationId: string,
    what: string,
    call: () => Promise<void>,
  ): Promise<void> {
    const pending = call()
      .catch((error: unknown) =>
        this.logger.error({ err: error, tenantId, stationId }, `Could not record ${what}`),
      )
      .finally(() => this.pendingNotifications.delete(pending));
    this.pendingNotifications.add(pending);
    return pending;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    this.httpServer?.off('upgrade', this.refuseUpgrade);
    await this.rpc?.close({ code: 1001, reason: 'Server shutting down' });
    await Promise.allSettled([...this.pendingNotifications]);
    // The last frames of the closing connections, before the database connection goes.
    await this.messageLog.flush();
  }
}
