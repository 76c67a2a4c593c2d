import { createServer, get, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OutboundAddressPolicy, OutboundAddressRefused, parseNetwork } from './outbound-address-policy';
import { OutboundHttp } from './outbound-http';

describe('OutboundAddressPolicy', () => {
  const none = new OutboundAddressPolicy([]);

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
  ])('refuses %s, not a public address', (address) => {
    expect(none.permits(address)).toBe(false);
  });

  it.each(['8.8.8.8', '172.32.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])(
    'permits %s, a public address',
    (address) => {
      expect(none.permits(address)).toBe(true);
    },
  );

  it('permits the networks it is given, and no more', () => {
    const lan = new OutboundAddressPolicy(['192.168.10.0/24', '10.0.0.7', 'fd00::/8']);
    expect(lan.permits('192.168.10.200')).toBe(true);
    expect(lan.permits('192.168.11.1')).toBe(false);
    expect(lan.permits('10.0.0.7')).toBe(true);
    expect(lan.permits('10.0.0.8')).toBe(false);
    expect(lan.permits('fd00::5')).toBe(true);
  });

  it('reads networks and refuses what is not one', () => {
    expect(parseNetwork('10.0.0.0/8')).toEqual({ network: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseNetwork('::1')).toEqual({ network: '::1', prefix: 128, family: 'ipv6' });
    expect(() => parseNetwork('intranet.local')).toThrow('not an IP network');
    expect(() => parseNetwork('10.0.0.0/33')).toThrow('prefix length');
  });
});

describe('OutboundHttp', () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.url ?? '');
      if (request.url === '/to-other-loopback') {
        response.writeHead(302, { location: `http://127.0.0.2:${port}/moved` });
        response.end();
        return;
      }
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (seen.length = 0));

  async function withHttp(networks: string[], use: (http: OutboundHttp) => Promise<void>): Promise<void> {
    const http = new OutboundHttp({ OUTBOUND_ALLOWED_NETWORKS: networks });
    try {
      await use(http);
    } finally {
      await http.onModuleDestroy();
    }
  }

  it('refuses a literal loopback address and a name that resolves to one, before any request', async () => {
    await withHttp([], async (http) => {
      await expect(http.fetch(`http://127.0.0.1:${port}/a`)).rejects.toBeInstanceOf(OutboundAddressRefused);
      await expect(http.fetch(`http://localhost:${port}/b`)).rejects.toThrow(/localhost refused/);
    });
    expect(seen).toEqual([]);
  });

  it('reaches an allowed network, and refuses a redirect out of it', async () => {
    await withHttp(['127.0.0.1'], async (http) => {
      expect(await (await http.fetch(`http://127.0.0.1:${port}/a`)).text()).toBe('ok');
      await expect(http.fetch(`http://127.0.0.1:${port}/to-other-loopback`)).rejects.toThrow(
        /127\.0\.0\.2 refused/,
      );
    });
    expect(seen).toEqual(['/a', '/to-other-loopback']);
  });

  it('guards node:http requests: a refused name fails the request, a literal address throws at once', async () => {
    await withHttp([], async (http) => {
      expect(() => http.nodeRequestOptions(new URL(`http://[::1]:${port}/`))).toThrow(OutboundAddressRefused);
      const options = http.nodeRequestOptions(new URL(`http://localhost:${port}/`));
      const failure = await new Promise<Error>((resolve) => {
        get(`http://localhost:${port}/c`, options, () => resolve(new Error('answered'))).on('error', resolve);
      });
      expect(failure).toBeInstanceOf(OutboundAddressRefused);
    });
    expect(seen).toEqual([]);
  });
});
