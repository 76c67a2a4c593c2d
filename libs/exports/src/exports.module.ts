import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ExportDownloadController } from './export-download.controller';
import { ExportJobRepository } from './export-job.repository';
import { ExportJobResolver } from './export-job.resolver';
import { ExportLinkSigner } from './export-link.signer';
import { ExportRegistry } from './export-registry';
import { ExportService } from './export.service';
import { ExportJobDocument, ExportJobSchema } from './schemas/export-job.schema';

/** CSV exports of any kind a module registers (see ExportKind), streamed behind signed links. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: ExportJobDocument.name, schema: ExportJobSchema }])],
  controllers: [ExportDownloadController],
  providers: [ExportRegistry, ExportJobRepository, ExportLinkSigner, ExportService, ExportJobResolver],
  exports: [ExportRegistry, ExportService],
})
export class ExportsModule {}
