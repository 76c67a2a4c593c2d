import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ExportJob, ExportStatus } from './models/export-job.model';
import { ExportJobDocument } from './schemas/export-job.schema';

export type NewExportJob = Pick<ExportJob, 'kind' | 'filter' | 'principal' | 'totalRows' | 'expiresAt'>;

/** Jobs as stored; `downloadUrl` is added by the service (it signs). */
export type StoredExportJob = Omit<ExportJob, 'downloadUrl'>;

@Injectable()
export class ExportJobRepository extends TenantRepository<ExportJobDocument, StoredExportJob> {
  constructor(@InjectModel(ExportJobDocument.name) model: Model<ExportJobDocument>) {
    super(model);
  }

  create(tenantId: TenantId, job: NewExportJob): Promise<StoredExportJob> {
    return this.insert(tenantId, { ...job, status: ExportStatus.READY, rowsWritten: 0 });
  }

  progress(
    tenantId: TenantId,
    id: string,
    fields: { status: ExportStatus; rowsWritten: number; error?: string },
  ): Promise<StoredExportJob | null> {
    return this.updateOne(tenantId, { _id: id }, { $set: fields });
  }

  protected toEntity(doc: Lean<ExportJobDocument>): StoredExportJob {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      kind: doc.kind,
      filter: doc.filter,
      principal: doc.principal,
      status: doc.status as ExportStatus,
      rowsWritten: doc.rowsWritten ?? 0,
      totalRows: doc.totalRows,
      expiresAt: doc.expiresAt,
      createdAt: doc.createdAt ?? new Date(0),
      error: doc.error,
    };
  }
}
