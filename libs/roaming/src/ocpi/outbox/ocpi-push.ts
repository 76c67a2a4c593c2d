import { Injectable } from '@nestjs/common';
import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { InterfaceRole, RoamingPartner } from '../../partners/roaming-partner';
import { OcpiModuleId } from '../auth/ocpi-route.decorator';
import { OcpiVersion } from '../protocol/ocpi-version';
import { Party } from '../protocol/routing-headers';

/** One OCPI request an outbox message becomes. */
export interface OcpiPush {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  module: OcpiModuleId;
  /** The partner's interface it goes to (its endpoint of `module` in this role)… */
  interfaceRole: InterfaceRole;
  /** …with these path segments appended (e.g. country code, party id, object id)… */
  segments?: string[];
  /** …with this query string… */
  query?: Record<string, string>;
  /** …or this URL as it is (a command's response_url). */
  url?: string;
  body?: unknown;
  /** The party it is for, when not the partner's first (behind a hub: the token's eMSP). */
  to?: Party;
}

export interface RenderContext {
  partner: RoamingPartner;
  version: OcpiVersion;
  identity: OcpiIdentity;
}

/** Renders a neutral outbox payload as an OCPI request for the partner's version. */
export type OcpiRenderer = (context: RenderContext, payload: never) => OcpiPush;

/** What a kind needs of the partner: the module and interface it is pushed to (none: an absolute URL). */
export interface OcpiKindTarget {
  module: OcpiModuleId;
  interfaceRole: InterfaceRole;
}

/** The renderers of every outbox message kind, registered by the modules that enqueue them. */
@Injectable()
export class OcpiRenderers {
  private readonly byKind = new Map<string, OcpiRenderer>();
  private readonly targets = new Map<string, OcpiKindTarget | null>();

  /** `target`: the partner endpoint the kind goes to; null when it goes to a URL the message carries. */
  register<P>(
    kind: string,
    target: OcpiKindTarget | null,
    renderer: (context: RenderContext, payload: P) => OcpiPush,
  ): void {
    this.byKind.set(kind, renderer);
    this.targets.set(kind, target);
  }

  /** undefined: nothing renders the kind; null: no endpoint needed. */
  targetOf(kind: string): OcpiKindTarget | null | undefined {
    return this.targets.get(kind);
  }

  of(kind: string): ((context: RenderContext, payload: unknown) => OcpiPush) | undefined {
    return this.byKind.get(kind) as ((context: RenderContext, payload: unknown) => OcpiPush) | undefined;
  }
}
