import { Public } from '@csms/auth';
import { APP_CONFIG, AppConfig } from '@csms/common';
import { Metrics } from '@csms/metrics';
import { Controller, Get, Headers, HttpException, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * `GET /metrics`: Prometheus text format for scrapers sending METRICS_TOKEN as a Bearer token. Without
 * METRICS_TOKEN there is no such endpoint (404), so nothing is exposed by default.
 */
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly expected?: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.expected = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : undefined;
  }

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (!this.expected) throw new HttpException('Not Found', HttpStatus.NOT_FOUND);
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    // Digests of equal length: the comparison takes the same time whatever was sent.
    if (!token || !timingSafeEqual(digest(token), this.expected)) {
      response.setHeader('www-authenticate', 'Bearer realm="metrics"');
      throw new HttpException('A valid Bearer token is required', HttpStatus.UNAUTHORIZED);
    }
    const { contentType, text } = await this.metrics.scrape();
    response.status(200).setHeader('content-type', contentType).setHeader('cache-control', 'no-store');
    response.send(text);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
