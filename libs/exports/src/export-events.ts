import { DomainEvent } from '@csms/events';
import { ExportJob } from './models/export-job.model';

export const EXPORT_JOB_UPDATED = 'ExportJobUpdated';

/** An export's progress or end, for the exportJobUpdated subscription. */
export type ExportJobUpdatedEvent = DomainEvent<typeof EXPORT_JOB_UPDATED, ExportJob>;
