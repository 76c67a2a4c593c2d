import { APP_CONFIG, AppConfig } from '@csms/common';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { RoamingIdentityService } from '../../../identity/roaming-identity.service';
import { RoamingSessionRepository } from '../../../sessions/roaming-session.repository';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../../protocol/ocpi-answer';
import { OcpiVersion } from '../../protocol/ocpi-version';
import { lastUpdatedFilter, paginationHeaders, parseListQuery } from '../../protocol/pagination';
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
  async list(@Ocpi() context: OcpiRequestContext, @Query() query: Record<string, unknown>) {
    const window = parseListQuery(query, this.config.OCPI_PAGE_LIMIT, { dateFromRequired: true });
    const { items, total } = await this.sessions.pageOfPartner(context.tenantId, context.partner.id, {
      filter: lastUpdatedFilter(window),
      offset: window.offset,
      limit: window.limit,
    });
    const identity = await this.identities.require(context.tenantId);
    const version = context.version as OcpiVersion;
    const url = `${context.baseUrl}/${version}/cpo/sessions/`;
    return new OcpiAnswer(
      items.map((session) => ocpiSession(session, identity, version)),
      { headers: paginationHeaders(url, window, items.length, total, this.config.OCPI_PAGE_LIMIT) },
    );
  }
}
