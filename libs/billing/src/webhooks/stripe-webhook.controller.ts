import { Public } from '@csms/auth';
import { asTenantId, isValidTenantId } from '@csms/common';
import { JobQueue } from '@csms/database';
import { TenantService } from '@csms/users';
import {
  Controller,
  Headers,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  Post,
  RawBodyRequest,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { BillingProvider, ProviderEvent, WebhookSignatureError } from '../provider/billing-provider.port';
import { BillingSettingsService } from '../settings/billing-settings.service';
import { StoredEvent, WEBHOOK_EVENT_QUEUE } from './webhook-event.job';

/**
 * `POST /billing/stripe/webhook/{tenant}`: Stripe's events, signed with the tenant's webhook secret.
 * A bad or missing signature gets 400 and changes nothing; a verified event is stored as a job
 * (keyed by its id) before the 200, so that it is handled even if this instance stops right after.
 */
@Public()
@Controller('billing/stripe/webhook')
export class StripeWebhookController {
  constructor(
    private readonly provider: BillingProvider,
    private readonly settings: BillingSettingsService,
    private readonly tenants: TenantService,
    private readonly jobs: JobQueue,
  ) {}

  @Post(':tenant')
  @HttpCode(200)
  async receive(
    @Param('tenant') tenant: string,
    @Headers('stripe-signature') signature: string | undefined,
    @Req() request: RawBodyRequest<Request>,
  ): Promise<{ received: true }> {
    if (!isValidTenantId(tenant) || !(await this.tenants.findActive(tenant))) {
      throw new HttpException('No such tenant', HttpStatus.NOT_FOUND);
    }
    const tenantId = asTenantId(tenant);
    const secrets = await this.settings.webhookSecrets(tenantId);
    if (secrets.length === 0)
      throw new HttpException('No webhook signing secret is set for this tenant', HttpStatus.BAD_REQUEST);
    if (!request.rawBody) throw new HttpException('A JSON body is expected', HttpStatus.BAD_REQUEST);
    const event = this.verified(request.rawBody, signature, secrets);
    const stored: StoredEvent = { ...event, createdAt: event.createdAt.toISOString() };
    await this.jobs.enqueue(tenantId, WEBHOOK_EVENT_QUEUE, stored, { key: event.id });
    return { received: true };
  }

  /** The event, signed with one of the tenant's endpoint secrets (its platform's or its Connect one). */
  private verified(payload: Buffer, signature: string | undefined, secrets: string[]): ProviderEvent {
    let failure: WebhookSignatureError | undefined;
    for (const secret of secrets) {
      try {
        return this.provider.verifyWebhook(payload, signature, secret);
      } catch (error) {
        if (!(error instanceof WebhookSignatureError)) throw error;
        failure = error;
      }
    }
    throw new HttpException(`Invalid signature: ${failure?.message ?? 'no secret'}`, HttpStatus.BAD_REQUEST);
  }
}
