import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Download links of exports: the job id and an expiry, signed with a key derived from JWT_SECRET. */
@Injectable()
export class ExportLinkSigner {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('csms export links').digest();
  }

  /** The path and query of a link valid until `expiresAt`. */
  pathOf(tenantId: string, jobId: string, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const signature = this.signature(tenantId, jobId, expires);
    return `/exports/${encodeURIComponent(tenantId)}/${encodeURIComponent(jobId)}.csv?expires=${expires}&signature=${signature}`;
  }

  expiryFromNow(): Date {
    return new Date(Date.now() + this.config.EXPORT_LINK_TTL_SECONDS * 1000);
  }

  /** Whether a link's signature is ours and it has not expired. */
  verify(
    tenantId: string,
    jobId: string,
    expires: string | undefined,
    signature: string | undefined,
  ): boolean {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) * 1000 < Date.now()) return false;
    const expected = Buffer.from(this.signature(tenantId, jobId, Number(expires)));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(tenantId: string, jobId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${tenantId}\n${jobId}\n${expires}`).digest('base64url');
  }
}
