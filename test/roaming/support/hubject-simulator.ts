import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { TOOLS_DIR } from '../../support/test-tools';

/** The EMP the simulator registers: it authorizes every card and contract (oicp-kit's permissive EMP). */
export const SIMULATOR_PROVIDER = 'DE-DCB';

/**
 * oicp-kit's Hubject broker (`oicp serve-mock`, built by `npm ci` into .tools/bin): plain HTTP at the
 * OICP paths below /api/oicp; it keeps sessions, refuses a CDR for an unknown session or a second one
 * for the same session, and answers EMP pulls with what CPOs pushed.
 */
export class HubjectSimulator {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<HubjectSimulator> {
    const binary = path.join(TOOLS_DIR, 'bin', 'oicp');
    if (!fs.existsSync(binary)) {
      throw new Error(
        `${binary} is missing: install Rust (cargo), then run \`npm ci\` (or \`node scripts/install-test-tools.js\`)`,
      );
    }
    const child = spawn(binary, [
      'serve-mock',
      '--bind',
      '127.0.0.1:0',
      '--fleet',
      '0',
      '--provider',
      SIMULATOR_PROVIDER,
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`oicp serve-mock did not start: ${stderr}`)), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /base URL\s+(\S+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`oicp serve-mock exited (${code}): ${stderr}`)));
    });
    return new HubjectSimulator(child, baseUrl);
  }

  /** A POST to the broker, as an EMP or CPO would send it: its HTTP status and JSON answer. */
  async post<T = Record<string, unknown>>(
    route: string,
    body: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** The EVSE records the broker holds, as the simulator's EMP pulls them. */
  async evseData(): Promise<Record<string, unknown>[]> {
    const { body } = await this.post<{ content: Record<string, unknown>[] }>(
      `/evsepull/v23/providers/${SIMULATOR_PROVIDER}/data-records?page=0&size=1000`,
      { ProviderID: SIMULATOR_PROVIDER, GeoCoordinatesResponseFormat: 'Google' },
    );
    return body.content;
  }

  /** The statuses the broker holds, by EVSE id. */
  async evseStatuses(): Promise<Map<string, string>> {
    const { body } = await this.post<{
      EvseStatuses?: {
        OperatorEvseStatus?: { EvseStatusRecord: { EvseID: string; EvseStatus: string }[] }[];
      };
    }>(`/evsepull/v21/providers/${SIMULATOR_PROVIDER}/status-records`, { ProviderID: SIMULATOR_PROVIDER });
    const statuses = new Map<string, string>();
    for (const operator of body.EvseStatuses?.OperatorEvseStatus ?? []) {
      for (const record of operator.EvseStatusRecord) statuses.set(record.EvseID, record.EvseStatus);
    }
    return statuses;
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
