import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** GET /metrics (see MetricsController); the registry itself is the global MetricsModule. */
@Module({ controllers: [MetricsController] })
export class MetricsHttpModule {}
