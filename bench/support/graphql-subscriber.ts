import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** One browser's worth of live updates: its own graphql-ws connection, authenticated with a bearer token. */
export class GraphqlSubscriber {
  private dispose?: () => void;

  private constructor(private readonly client: Client) {}

  /** Resolves once the connection is acknowledged (the token accepted). */
  static connect(wsUrl: string, token: string, timeoutMs = 30_000): Promise<GraphqlSubscriber> {
    return new Promise((resolve, reject) => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: (error) => reject(new Error(`graphql-ws: ${describe(error)}`)),
      });
      const timer = setTimeout(() => reject(new Error('graphql-ws: no connection_ack')), timeoutMs);
      client.on('connected', () => {
        clearTimeout(timer);
        resolve(new GraphqlSubscriber(client));
      });
    });
  }

  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    onData: (data: T) => void,
    onError: (error: string) => void,
  ): void {
    this.dispose = this.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors?.length) onError(result.errors.map((error) => error.message).join('; '));
          else if (result.data) onData(result.data);
        },
        error: (error: unknown) => onError(describe(error)),
        complete: () => undefined,
      },
    );
  }

  async close(): Promise<void> {
    this.dispose?.();
    await this.client.dispose();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const { code, reason } = (error ?? {}) as { code?: number; reason?: string };
  if (code !== undefined) return `socket closed ${code} ${reason ?? ''}`.trim();
  return JSON.stringify(error);
}
