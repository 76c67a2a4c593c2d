import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canConnect, findFreePort } from '../../libs/database/src/embedded';
import { TOOLS_DIR } from './test-tools';

const BINARY = path.join(TOOLS_DIR, 'bin', 'stripe-mock');

/**
 * stripe-mock (Stripe's own, built by scripts/install-test-tools.js): stateless, it answers with
 * fixtures but refuses (400) any request Stripe's OpenAPI description does not allow.
 */
export class StripeMock {
  private constructor(
    private readonly process: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<StripeMock> {
    if (!fs.existsSync(BINARY)) {
      throw new Error(`${BINARY} is missing: run \`node scripts/install-test-tools.js\` (needs Go)`);
    }
    const port = await findFreePort();
    const child = spawn(BINARY, ['-http-addr', `127.0.0.1:${port}`], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (!(await canConnect(port))) {
      if (child.exitCode !== null) throw new Error(`stripe-mock exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('stripe-mock did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return new StripeMock(child, port);
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}
