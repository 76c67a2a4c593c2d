import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { pythonInterpreter } from '../support/test-tools';

export interface StationSetup {
  vendor: string;
  model: string;
  firmware?: string;
  connectors?: number;
  /** The configuration the station reports. */
  keys: Record<string, string>;
  /** ChangeConfiguration answers per key (default Accepted). */
  answers?: Record<string, string>;
}

export interface StationEvent {
  event: 'booted' | 'status' | 'GetConfiguration' | 'ChangeConfiguration' | 'Reset';
  keys?: string[];
  key?: string;
  value?: string;
  status?: string;
  type?: string;
}

/**
 * The Python peer test/peers/ocpp16_configurable_station.py: every CALL the central system sends it
 * is kept, in order, in `events`.
 */
export class ConfigurableStation {
  readonly events: StationEvent[] = [];
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) =>
      this.events.push(JSON.parse(line) as StationEvent),
    );
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  static start(wsUrl: string, identity: string, setup: StationSetup): ConfigurableStation {
    const script = path.join(__dirname, '..', 'peers', 'ocpp16_configurable_station.py');
    return new ConfigurableStation(
      spawn(pythonInterpreter(), [script, `${wsUrl}/ocpp/default`, identity, JSON.stringify(setup)]),
    );
  }

  /** The CALLs received from the central system (boot and status acknowledgements left out). */
  get calls(): StationEvent[] {
    return this.events.filter((event) => event.event !== 'booted' && event.event !== 'status');
  }

  /** Polls until an event satisfies `condition`. */
  async waitFor(condition: (event: StationEvent) => boolean, timeoutMs = 15_000): Promise<StationEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(condition);
      if (found) return found;
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `Station event not seen; events ${JSON.stringify(this.events)}; stderr:\n${this.stderr}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
