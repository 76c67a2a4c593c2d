import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * Where partners reach this server: PUBLIC_URL when set (behind a proxy), otherwise the address it
 * listens on (localhost when it listens on every interface), with the port it actually got.
 */
@Injectable()
export class RoamingUrls {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
  ) {}

  baseUrl(): string {
    if (this.config.PUBLIC_URL) return this.config.PUBLIC_URL.replace(/\/+$/, '');
    const scheme = this.config.TLS_CERT_FILE ? 'https' : 'http';
    const server = this.http.httpAdapter?.getHttpServer() as Server | undefined;
    const address = server?.address() as AddressInfo | null | undefined;
    const port = address?.port ?? this.config.PORT;
    const host = ['0.0.0.0', '::', ''].includes(this.config.HOST) ? 'localhost' : this.config.HOST;
    return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  /** The tenant's OCPI root: /ocpi/{tenant}. */
  ocpiRoot(tenantId: string): string {
    return `${this.baseUrl()}/ocpi/${encodeURIComponent(tenantId)}`;
  }

  /** The versions endpoint partners are given (CONTRACT.md: GET /ocpi/{tenant}/versions). */
  versionsUrl(tenantId: string): string {
    return `${this.ocpiRoot(tenantId)}/versions`;
  }
}
