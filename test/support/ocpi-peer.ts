import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { findFreePort } from '../../libs/database/src/embedded/free-port';
import { ocpiPeerInterpreter } from './test-tools';

/** Whatever JSON the peer sends back: tests read into it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface OcpiPeerOptions {
  role: 'emsp' | 'cpo';
  versions: string[];
  countryCode?: string;
  partyId?: string;
}

/** One request the peer received (not GETs), in order of arrival. */
export interface ReceivedRequest {
  method: string;
  path: string;
  body: Json;
  status: number;
  request_id?: string;
  correlation_id?: string;
  from_party?: string;
  to_party?: string;
  authorization?: string;
}

export interface PeerState {
  token_a: string[];
  clients: Record<string, { credentials: Json; endpoints: Json; version: string }>;
  locations: Record<string, Json>;
  sessions: Record<string, Json>;
  cdrs: Record<string, Json>;
  tariffs: Record<string, Json>;
  tokens: Record<string, Json>;
  commands: Record<string, Json>;
  received: ReceivedRequest[];
}

/**
 * The independent OCPI implementation (extrawest-ocpi) as a real process, with our store in its
 * extension points (test/peers/ocpi/ocpi_peer.py). Its state survives stop() and start() (a file).
 */
export class OcpiPeer {
  private child?: ChildProcessWithoutNullStreams;
  private stderr = '';
  readonly tokenA = randomBytes(16).toString('hex');
  private readonly stateFile: string;

  private constructor(
    readonly options: Required<OcpiPeerOptions>,
    readonly port: number,
  ) {
    this.stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-peer-')), 'state.json');
  }

  static async start(options: OcpiPeerOptions): Promise<OcpiPeer> {
    const peer = new OcpiPeer({ countryCode: 'NL', partyId: 'EXW', ...options }, await findFreePort());
    try {
      await peer.start();
    } catch (error) {
      // Nobody gets a peer that failed to start: its process and state go here.
      await peer.dispose();
      throw error;
    }
    return peer;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The versions endpoint handed to our CSMS with the token A. */
  get versionsUrl(): string {
    return `${this.baseUrl}/ocpi/versions`;
  }

  async start(): Promise<void> {
    const script = path.join(__dirname, '..', 'peers', 'ocpi', 'ocpi_peer.py');
    const { role, versions, countryCode, partyId } = this.options;
    const child = spawn(ocpiPeerInterpreter(), [
      script,
      ...['--role', role, '--versions', versions.join(','), '--port', String(this.port)],
      ...['--state', this.stateFile, '--country-code', countryCode, '--party-id', partyId],
      ...['--token-a', this.tokenA],
    ]);
    this.child = child;
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`OCPI peer did not start:\n${this.stderr}`)), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.includes('"listening"')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`OCPI peer exited (${code}):\n${this.stderr}`));
      });
    });
  }

  /** Stops the process (SIGKILL: what it had not stored is lost, as in a crash). */
  async stop(): Promise<void> {
    const child = this.child;
    // A child killed by a signal keeps exitCode null: without signalCode, a second stop() would wait forever.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process for good and deletes its state (stop() keeps it, for a restart). */
  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(path.dirname(this.stateFile), { recursive: true, force: true });
  }

  get errors(): string {
    return this.stderr;
  }

  state(): Promise<PeerState> {
    return this.control<PeerState>('GET', 'state');
  }

  seed(module: string, objects: unknown[], extra: Record<string, unknown> = {}): Promise<Json> {
    return this.control('POST', 'seed', { module, objects, ...extra });
  }

  /** Pushes one of the peer's objects to us with py_ocpi's own push client. */
  push(module: string, objectId: string): Promise<Json> {
    return this.control('POST', 'push', { module, object_id: objectId });
  }

  /** The peer (an eMSP) sends us a command; the asynchronous result lands in its state's `commands[uid]`. */
  command(
    command: string,
    body: Record<string, unknown>,
  ): Promise<{ uid: string; http_status: number; reply: Json }> {
    return this.control('POST', 'command', { command, body });
  }

  /** The peer pulls one of our modules, following our Link headers, each object checked by py_ocpi's model. */
  pull(
    module: string,
    params?: Record<string, string>,
  ): Promise<{ pages: Json[]; objects: Json[]; errors: Json[] }> {
    return this.control('POST', 'pull', { module, params });
  }

  /** The peer registers with us (it is the Sender of the credentials exchange) with our token A. */
  register(
    versionsUrl: string,
    tokenA: string,
  ): Promise<{ http_status: number; body: Json; version?: string }> {
    return this.control('POST', 'register', { versions_url: versionsUrl, token_a: tokenA });
  }

  /** Forgets an object it was given (a later PATCH of it gets 404). */
  forget(module: string, id: string): Promise<Json> {
    return this.control('POST', 'forget', { module, id });
  }

  /** A request on our API with the peer's credentials. */
  request(
    url: string,
    method = 'GET',
    json?: unknown,
  ): Promise<{ http_status: number; headers: Record<string, string>; body: Json }> {
    return this.control('POST', 'get', { url, method, json });
  }

  private async control<T>(method: string, name: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/control/${name}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `Peer control ${name}: HTTP ${response.status} ${await response.text()}\n${this.stderr}`,
      );
    }
    return (await response.json()) as T;
  }
}
