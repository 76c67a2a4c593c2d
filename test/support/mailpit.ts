import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canConnect, findFreePort } from '../../libs/database/src/embedded';
import { TOOLS_DIR } from './test-tools';

const BINARY = path.join(TOOLS_DIR, 'bin', 'mailpit');

export interface ReceivedMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

interface MessageSummary {
  ID: string;
  To: { Address: string }[];
  Subject: string;
}

/** A real SMTP server (Mailpit, built by scripts/install-test-tools.js) whose HTTP API lists received mail. */
export class Mailpit {
  private constructor(
    private readonly process: ChildProcess,
    readonly smtpUrl: string,
    readonly apiUrl: string,
  ) {}

  static async start(): Promise<Mailpit> {
    if (!fs.existsSync(BINARY)) {
      throw new Error(`${BINARY} is missing: run \`node scripts/install-test-tools.js\` (needs Go)`);
    }
    const [smtpPort, httpPort] = [await findFreePort(), await findFreePort()];
    const child = spawn(
      BINARY,
      [
        '--smtp',
        `127.0.0.1:${smtpPort}`,
        '--listen',
        `127.0.0.1:${httpPort}`,
        '--quiet',
        '--disable-version-check',
      ],
      { stdio: 'ignore' },
    );
    const mailpit = new Mailpit(child, `smtp://127.0.0.1:${smtpPort}`, `http://127.0.0.1:${httpPort}`);
    const deadline = Date.now() + 10_000;
    while (!((await canConnect(smtpPort)) && (await canConnect(httpPort)))) {
      if (child.exitCode !== null) throw new Error(`mailpit exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('mailpit did not start within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return mailpit;
  }

  async messages(): Promise<ReceivedMail[]> {
    const response = await fetch(`${this.apiUrl}/api/v1/messages?limit=500`);
    const { messages } = (await response.json()) as { messages: MessageSummary[] };
    return Promise.all(messages.map((summary) => this.message(summary.ID)));
  }

  private async message(id: string): Promise<ReceivedMail> {
    const response = await fetch(`${this.apiUrl}/api/v1/message/${id}`);
    const body = (await response.json()) as {
      To: { Address: string }[];
      Subject: string;
      Text: string;
      HTML: string;
    };
    return {
      id,
      to: body.To.map((to) => to.Address),
      subject: body.Subject,
      text: body.Text,
      html: body.HTML,
    };
  }

  /** Polls until a message to `to` matching `predicate` arrives. */
  async waitFor(
    to: string,
    predicate: (mail: ReceivedMail) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.messages()).find((mail) => mail.to.includes(to) && predicate(mail));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async clear(): Promise<void> {
    await fetch(`${this.apiUrl}/api/v1/messages`, { method: 'DELETE' });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}

/** The first link in a mail's text whose path is `pathname`, with its query parameters. */
export function linkIn(mail: ReceivedMail, pathname: string): URL {
  const link = mail.text
    .match(/https?:\/\/\S+/g)
    ?.map((href) => new URL(href))
    .find((url) => url.pathname === pathname);
  if (!link) throw new Error(`No ${pathname} link in: ${mail.text}`);
  return link;
}
