import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssetReadingRepository } from './asset-reading.repository';
import { AssetReadingService } from './asset-reading.service';
import { AssetRepository } from './asset.repository';
import { AssetResolver } from './asset.resolver';
import { AssetService } from './asset.service';
import { AssetPullScheduler } from './connector/asset-pull.scheduler';
import { HttpJsonMeterClient } from './connector/http-json-meter.client';
import { AssetReadingsController } from './push/asset-readings.controller';
import { AssetReadingDocument, AssetReadingSchema } from './schemas/asset-reading.schema';
import { AssetDocument, AssetSchema } from './schemas/asset.schema';

/**
 * Buildings, solar, batteries and other loads of site areas, with their readings: pushed through
 * GraphQL or `POST /assets/{tenant}/{assetId}/readings`, pulled from HTTP/JSON meters. Global: smart
 * charging reads what assets draw, housekeeping purges old readings.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AssetDocument.name, schema: AssetSchema },
      { name: AssetReadingDocument.name, schema: AssetReadingSchema },
    ]),
  ],
  controllers: [AssetReadingsController],
  providers: [
    AssetRepository,
    AssetReadingRepository,
    AssetService,
    AssetReadingService,
    AssetResolver,
    HttpJsonMeterClient,
    AssetPullScheduler,
  ],
  exports: [AssetService, AssetReadingRepository],
})
export class AssetsModule {}
