import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { AuthorizationHeaderEncoding, OcpiEndpoint } from '../../partners/roaming-partner';
import { OcpiClient, OcpiReply, OcpiTransportError, describeReply } from '../client/ocpi-client';
import { OcpiStatus } from '../protocol/ocpi-status';
import {
  OCPI_VERSIONS,
  OcpiVersion,
  isOcpi22,
  isOcpiVersion,
  negotiateVersion,
} from '../protocol/ocpi-version';

/** Why talking to a partner's versions endpoints failed, with the OCPI status it amounts to (3001/3002/3003). */
export class DiscoveryError extends Error {
  constructor(
    readonly ocpiStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'DiscoveryError';
  }
}

export interface Discovery {
  version: OcpiVersion;
  versionUrl: string;
  endpoints: OcpiEndpoint[];
}

interface Target {
  tenantId: TenantId;
  partnerId?: string;
  versionsUrl: string;
  token: string;
  encoding: AuthorizationHeaderEncoding;
}

/**
 * Reads a partner's versions and the endpoints of the version both sides speak (2.2.1 preferred), or
 * of `required` (a POST/PUT on our credentials endpoint of that version). The versions endpoint is not
 * of any version, so with AUTO the token goes Base64 first and plain when that gets a 401.
 */
@Injectable()
export class OcpiDiscovery {
  constructor(private readonly client: OcpiClient) {}

  async discover(target: Target, required?: OcpiVersion): Promise<Discovery> {
    const reply = await this.getVersions(target);
    const versions = this.versionsOf(reply);
    const offered = versions.map((entry) => entry.version);
    const version = required
      ? offered.includes(required)
        ? required
        : undefined
      : negotiateVersion(offered);
    if (!version) {
      throw new DiscoveryError(
        OcpiStatus.UNSUPPORTED_VERSION,
        required
          ? `The partner does not offer OCPI ${required} (offers ${offered.join(', ') || 'nothing'})`
          : `No OCPI version in common: the partner offers ${offered.join(', ') || 'nothing'}, we speak ${OCPI_VERSIONS.join(', ')}`,
      );
    }
    const versionUrl = versions.find((entry) => entry.version === version)!.url;
    const details = await this.get(target, versionUrl, version);
    return { version, versionUrl, endpoints: this.endpointsOf(details, version) };
  }

  private async getVersions(target: Target): Promise<OcpiReply> {
    const first = await this.get(target, target.versionsUrl, '2.2.1', true);
    if (first.httpStatus !== 401 || target.encoding !== 'AUTO') return this.ok(first, 'versions');
    return this.ok(await this.get(target, target.versionsUrl, '2.1.1', true), 'versions');
  }

  private async get(target: Target, url: string, version: string, raw = false): Promise<OcpiReply> {
    let reply: OcpiReply;
    try {
      reply = await this.client.request({
        tenantId: target.tenantId,
        partnerId: target.partnerId,
        method: 'GET',
        url,
        token: target.token,
        encoding: target.encoding,
        version,
        module: 'versions',
      });
    } catch (error) {
      if (error instanceof OcpiTransportError) {
        throw new DiscoveryError(
          OcpiStatus.UNABLE_TO_USE_CLIENT_API,
          `Could not reach the partner: ${error.message}`,
        );
      }
      throw error;
    }
    return raw ? reply : this.ok(reply, 'version details');
  }

  private ok(reply: OcpiReply, what: string): OcpiReply {
    if (reply.httpStatus !== 200 || reply.ocpi?.status_code !== OcpiStatus.SUCCESS) {
      throw new DiscoveryError(
        OcpiStatus.UNABLE_TO_USE_CLIENT_API,
        `The partner's ${what} endpoint answered ${describeReply(reply)}`,
      );
    }
    return reply;
  }

  private versionsOf(reply: OcpiReply): { version: string; url: string }[] {
    const data = reply.ocpi?.data;
    if (!Array.isArray(data)) {
      throw new DiscoveryError(OcpiStatus.UNABLE_TO_USE_CLIENT_API, "The partner's versions are not a list");
    }
    return data.filter(
      (entry): entry is { version: string; url: string } =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as { version?: unknown }).version === 'string' &&
        typeof (entry as { url?: unknown }).url === 'string',
    );
  }

  private endpointsOf(reply: OcpiReply, version: OcpiVersion): OcpiEndpoint[] {
    const data = reply.ocpi?.data as { version?: unknown; endpoints?: unknown } | undefined;
    if (
      !data ||
      !Array.isArray(data.endpoints) ||
      (data.version !== undefined && !isOcpiVersion(data.version))
    ) {
      throw new DiscoveryError(
        OcpiStatus.UNABLE_TO_USE_CLIENT_API,
        `The partner's ${version} details have no endpoints`,
      );
    }
    const endpoints = (data.endpoints as Record<string, unknown>[])
      .filter((entry) => typeof entry.identifier === 'string' && typeof entry.url === 'string')
      .map((entry): OcpiEndpoint => ({
        identifier: entry.identifier as string,
        url: entry.url as string,
        ...(isOcpi22(version) && (entry.role === 'SENDER' || entry.role === 'RECEIVER')
          ? { role: entry.role }
          : {}),
      }));
    if (!endpoints.some((endpoint) => endpoint.identifier === 'credentials')) {
      throw new DiscoveryError(
        OcpiStatus.NO_MATCHING_ENDPOINTS,
        `The partner's ${version} details list no credentials endpoint`,
      );
    }
    return endpoints;
  }
}
