/** The smallest GraphQL-over-HTTP client the benchmark needs; errors carry the server's codes. */
export class GraphqlClient {
  constructor(
    private readonly url: string,
    private readonly token?: string,
  ) {}

  withToken(token: string): GraphqlClient {
    return new GraphqlClient(this.url, token);
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length) {
      const described = body.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
      throw new Error(described.join('; '));
    }
    if (!body.data) throw new Error(`GraphQL answered HTTP ${response.status} without data`);
    return body.data;
  }
}
