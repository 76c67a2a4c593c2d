import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StatisticsExport, StatisticsExportResolver } from './exports/statistics.export';
import { SessionFactDocument, SessionFactSchema } from './facts/schemas/session-fact.schema';
import { SessionFactRepository } from './facts/session-fact.repository';
import { SessionFactSource } from './facts/session-fact.source';
import { LiveNowResolver } from './live/live-now.resolver';
import { LiveNowService } from './live/live-now.service';
import { SessionPlaceResolver } from './facts/session-place.resolver';
import { StatisticsLabels } from './query/statistics-labels';
import { StatisticsQueryService } from './query/statistics-query.service';
import { StatisticsResolver } from './query/statistics.resolver';
import { StatisticsRollupDocument, StatisticsRollupSchema } from './rollups/schemas/statistics-rollup.schema';
import { StatisticsZonesDocument, StatisticsZonesSchema } from './rollups/schemas/statistics-zones.schema';
import { SessionEndedListener } from './rollups/session-ended.listener';
import { StatisticsRollupRepository } from './rollups/statistics-rollup.repository';
import { StatisticsRollupService } from './rollups/statistics-rollup.service';
import { StatisticsZonesRepository } from './rollups/statistics-zones.repository';

/**
 * Session facts, their daily/monthly/yearly rollups per company, site, site area, station and driver
 * (kept by jobs of the persistent statistics queue), the statistics query, and the live view.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SessionFactDocument.name, schema: SessionFactSchema },
      { name: StatisticsRollupDocument.name, schema: StatisticsRollupSchema },
      { name: StatisticsZonesDocument.name, schema: StatisticsZonesSchema },
    ]),
  ],
  providers: [
    SessionFactRepository,
    StatisticsRollupRepository,
    StatisticsZonesRepository,
    SessionPlaceResolver,
    SessionFactSource,
    StatisticsRollupService,
    SessionEndedListener,
    StatisticsLabels,
    StatisticsQueryService,
    StatisticsResolver,
    StatisticsExport,
    StatisticsExportResolver,
    LiveNowService,
    LiveNowResolver,
  ],
  exports: [StatisticsRollupService, StatisticsQueryService, SessionEndedListener, SessionFactRepository],
})
export class StatisticsModule {}
