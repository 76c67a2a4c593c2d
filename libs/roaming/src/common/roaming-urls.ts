import { APP_CONFIG, AppConfig, publicBaseUrl } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Server } from 'node:http';

/** Where partners reach this server (see publicBaseUrl), and the OCPI addresses under it. */
@Injectable()
export class RoamingUrls {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
  ) {}

  baseUrl(): string {
    return publicBaseUrl(this.config, this.http.httpAdapter?.getHttpServer() as Server | undefined);
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
