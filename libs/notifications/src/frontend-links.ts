import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';

/** Links into the tenant's frontend (FRONTEND_URL), carrying the tenant so one frontend serves them all. */
@Injectable()
export class FrontendLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  to(tenantId: TenantId, path: string, params: Record<string, string> = {}): string {
    const url = new URL(path.replace(/^\/*/, ''), this.config.FRONTEND_URL.replace(/\/*$/, '/'));
    url.searchParams.set('tenant', tenantId);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }
}
