import { CurrentPrincipal, Principal } from '@csms/auth';
import { EventBus } from '@csms/events';
import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { EXPORT_JOB_UPDATED, ExportJobUpdatedEvent } from './export-events';
import { ExportService } from './export.service';
import { ExportJob } from './models/export-job.model';

@Resolver(() => ExportJob)
export class ExportJobResolver {
  constructor(
    private readonly exports: ExportService,
    private readonly events: EventBus,
  ) {}

  @Query(() => ExportJob, { description: 'One of your exports, with its progress' })
  exportJob(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ExportJob> {
    return this.exports.find(principal, id);
  }

  @Subscription(() => ExportJob, {
    description: 'Progress of one of your exports while it streams, then its end',
    resolve: (event: ExportJobUpdatedEvent) => event.payload,
  })
  async exportJobUpdated(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AsyncIterableIterator<ExportJobUpdatedEvent>> {
    await this.exports.find(principal, id);
    return this.events.iterate<ExportJobUpdatedEvent>(
      [EXPORT_JOB_UPDATED],
      (event) => event.tenantId === principal.tenantId && event.payload.id === id,
    );
  }
}
