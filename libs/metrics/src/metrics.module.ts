import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics.service';

/** The Prometheus registry every module adds its instruments to; served by the app at GET /metrics. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
