import { Inject, Injectable } from '@nestjs/common';
import { VERSION_ADAPTERS, VersionAdapter } from './version-adapter';

/** Subprotocols from most to least preferred: the server picks the highest both sides offer. */
export const SUBPROTOCOL_PREFERENCE = ['ocpp2.0.1', 'ocpp1.6'];

/** Maps a negotiated subprotocol to its version adapter; only versions with an adapter are offered. */
@Injectable()
export class VersionAdapterRegistry {
  private readonly bySubprotocol: Map<string, VersionAdapter>;

  constructor(@Inject(VERSION_ADAPTERS) adapters: VersionAdapter[]) {
    this.bySubprotocol = new Map(adapters.map((adapter) => [adapter.subprotocol, adapter]));
  }

  /** The subprotocols this server accepts, in preference order. */
  get subprotocols(): string[] {
    return SUBPROTOCOL_PREFERENCE.filter((subprotocol) => this.bySubprotocol.has(subprotocol));
  }

  /** The best subprotocol among those a station offers, or undefined when none is supported. */
  negotiate(offered: ReadonlySet<string>): string | undefined {
    return this.subprotocols.find((subprotocol) => offered.has(subprotocol));
  }

  get(subprotocol: string): VersionAdapter | undefined {
    return this.bySubprotocol.get(subprotocol);
  }
}
