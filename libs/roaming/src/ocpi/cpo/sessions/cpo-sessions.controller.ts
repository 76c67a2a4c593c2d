import { APP_CONFIG, AppConfig } from '@csms/common';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { RoamingIdentityService } from '../../../identity/roaming-identity.service';
import { RoamingSessionRepository } from '../../../sessions/roaming-session.repository';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { ocpiList } from '../../protocol/ocpi-list';
import { lastUpdatedFilter } from '../../protocol/pagination';
import { ocpiSession } from './ocpi-session.mapper';

/**
 * Our Sessions Sender interface (we are the CPO): an eMSP gets the sessions of its own tokens only,
 * last updated in [date_from, date_to) (date_from is required, as both specs say).
 */
@Controller('ocpi/:tenant/:version/cpo/sessions')
@OcpiController({ module: 'sessions', side: 'cpo' })
export class CpoSessionsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: RoamingSessionRepository,
    private readonly identities: RoamingIdentityService,
  ) {}

  @Get()
  list(@Ocpi() context: OcpiRequestContext, @Query() query: Record<string, unknown>) {
    return ocpiList(context, query, {
      path: 'cpo/sessions',
      maxLimit: this.config.OCPI_PAGE_LIMIT,
      dateFromRequired: true,
      identity: () => this.identities.require(context.tenantId),
      page: (window) =>
        this.sessions.pageOfPartner(context.tenantId, context.partner.id, {
          filter: lastUpdatedFilter(window),
          offset: window.offset,
          limit: window.limit,
        }),
      render: ocpiSession,
    });
  }
}
