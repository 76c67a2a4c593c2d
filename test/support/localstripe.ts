import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import Stripe from 'stripe';
import { canConnect, findFreePort } from '../../libs/database/src/embedded';
import { STRIPE_API_VERSION } from '../../libs/billing/src/stripe/stripe-client';
import { pythonInterpreter } from './test-tools';

/** Stripe test cards (localstripe knows them): one that pays, one that attaches but whose charges fail. */
export const CARDS = { visa: '4242424242424242', chargeFails: '4000000000000341' } as const;

/**
 * localstripe (PyPI, in .tools/venv), the stateful fake Stripe server, on a free loopback port and
 * from scratch, started through test/peers/localstripe_server.py; stopped with the suite.
 */
export class Localstripe {
  private constructor(
    private readonly process: ChildProcess,
    readonly port: number,
    private output: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<Localstripe> {
    const port = await findFreePort();
    const child = spawn(
      pythonInterpreter(),
      [path.join(__dirname, '..', 'peers', 'localstripe_server.py'), String(port)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const server = new Localstripe(child, port, '');
    const keep = (chunk: Buffer) => (server.output = (server.output + chunk.toString('utf8')).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 30_000;
    while (!(await canConnect(port))) {
      if (child.exitCode !== null)
        throw new Error(`localstripe exited (${child.exitCode}):\n${server.output}`);
      if (Date.now() > deadline) throw new Error(`localstripe did not start within 30 s:\n${server.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return server;
  }

  /** A Stripe client on this server: what a frontend (Stripe.js) or the Stripe dashboard would do. */
  client(secretKey: string): Stripe {
    return new Stripe(secretKey, {
      apiVersion: STRIPE_API_VERSION,
      host: '127.0.0.1',
      port: this.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
  }

  /** A card as Stripe.js collects it: a PaymentMethod the customer does not have yet. */
  async collectCard(secretKey: string, number: string, expiry = { month: 12, year: 2030 }): Promise<string> {
    const method = await this.client(secretKey).paymentMethods.create({
      type: 'card',
      card: { number, exp_month: expiry.month, exp_year: expiry.year, cvc: '123' },
    });
    return method.id;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}
