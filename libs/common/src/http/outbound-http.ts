import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as fetchWith } from 'undici';
import { APP_CONFIG } from '../config/app-config';
import { AppConfig } from '../config/config.schema';
import { OutboundAddressPolicy, OutboundAddressRefused } from './outbound-address-policy';

/** What a client of tenant-set URLs needs of OutboundHttp (its specs may pass plain `fetch`). */
export type OutboundFetch = Pick<OutboundHttp, 'fetch'>;

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The HTTP client for calls to URLs that tenants, partners or their services configure (meters,
 * car-data and expense services, OAuth2 token endpoints, roaming partners). Each connection's
 * address is checked when it is made, after the name is resolved and on every redirect, so a name
 * that resolves to an internal address (or changes to one) cannot reach the CSMS's own network.
 */
@Injectable()
export class OutboundHttp implements OnModuleDestroy {
  private readonly policy: OutboundAddressPolicy;
  private readonly dispatcher: Agent;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'OUTBOUND_ALLOWED_NETWORKS'>) {
    this.policy = new OutboundAddressPolicy(config.OUTBOUND_ALLOWED_NETWORKS);
    const connect = buildConnector({ lookup: this.lookup });
    this.dispatcher = new Agent({
      connect: (options, callback) => {
        const refused = this.refusalOfLiteral(options.hostname);
        if (refused) callback(refused, null);
        else connect(options, callback);
      },
    });
  }

  /** `fetch` through the guard; a refused address rejects with OutboundAddressRefused itself (not "fetch failed"). */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    try {
      // undici's own fetch, of the dispatcher's version: Node's built-in one would hand back our
      // refusal as a copy. Its Response has the standard's shape.
      const guarded = { ...init, dispatcher: this.dispatcher } as Parameters<typeof fetchWith>[1];
      return (await fetchWith(url, guarded)) as unknown as Response;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      throw cause instanceof OutboundAddressRefused ? cause : error;
    }
  }

  /**
   * The options that guard a node:http or node:https request to `url` (its `lookup`); throws
   * OutboundAddressRefused at once for a literal address the policy refuses.
   */
  nodeRequestOptions(url: URL): { lookup: OutboundHttp['lookup'] } {
    const refused = this.refusalOfLiteral(url.hostname);
    if (refused) throw refused;
    return { lookup: this.lookup };
  }

  /** A literal address is connected to without a lookup, so it is checked by itself. */
  private refusalOfLiteral(hostname: string): OutboundAddressRefused | undefined {
    const host = hostname.replace(/^\[|\]$/g, '');
    return isIP(host) && !this.policy.permits(host) ? new OutboundAddressRefused(host) : undefined;
  }

  /** A `lookup` for node:net, node:http and node:https that refuses addresses the policy does not permit. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((candidate) => !this.policy.permits(candidate.address));
      if (refused) return callback(new OutboundAddressRefused(hostname), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };

  async onModuleDestroy(): Promise<void> {
    await this.dispatcher.close();
  }
}
