import WebSocket from 'ws';

/** A CALL's message id when `text` is one (`[2, "id", …]`), as the server would read it. */
export function callIdOf(text: string): string | undefined {
  try {
    const frame: unknown = JSON.parse(text);
    return Array.isArray(frame) && frame[0] === 2 && typeof frame[1] === 'string' ? frame[1] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A station's socket that sends anything and keeps everything the server sends, as text. The
 * server's own CALLs are answered NotImplemented so that none waits on a fuzzed station.
 */
export class FuzzSocket {
  readonly received: string[] = [];
  closeCode?: number;
  private readonly changed = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const text = data.toString('utf8');
      this.received.push(isBinary ? `binary:${text}` : text);
      const id = callIdOf(text);
      if (id !== undefined) socket.send(JSON.stringify([4, id, 'NotImplemented', 'a fuzzing station', {}]));
      this.notify();
    });
    socket.on('close', (code: number) => {
      this.closeCode = code;
      this.notify();
    });
    socket.on('error', () => undefined);
  }

  static open(url: string, protocol: string): Promise<FuzzSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, [protocol], { maxPayload: 16 * 1024 * 1024 });
      socket.once('open', () => resolve(new FuzzSocket(socket)));
      socket.once('error', reject);
    });
  }

  get open(): boolean {
    return this.closeCode === undefined;
  }

  send(data: string | Buffer, binary = false): void {
    this.socket.send(data, { binary });
  }

  /** Resolves once `condition` holds (checked at every frame and at close); rejects after `timeoutMs`. */
  until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.changed.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changed.delete(check);
        reject(new Error(`Not within ${timeoutMs} ms: ${what}`));
      }, timeoutMs);
      this.changed.add(check);
    });
  }

  close(): void {
    this.socket.close();
  }

  private notify(): void {
    for (const check of [...this.changed]) check();
  }
}
