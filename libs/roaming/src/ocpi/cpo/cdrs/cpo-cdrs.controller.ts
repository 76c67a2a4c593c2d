import { APP_CONFIG, AppConfig } from '@csms/common';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { RoamingCdrRepository } from '../../../cdrs/roaming-cdr.repository';
import { RoamingIdentityService } from '../../../identity/roaming-identity.service';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { ocpiList } from '../../protocol/ocpi-list';
import { lastUpdatedFilter } from '../../protocol/pagination';
import { ocpiCdr } from './ocpi-cdr.mapper';

/**
 * Our CDRs Sender interface (we are the CPO): an eMSP gets the CDRs of its own tokens only, last
 * updated in [date_from, date_to).
 */
@Controller('ocpi/:tenant/:version/cpo/cdrs')
@OcpiController({ module: 'cdrs', side: 'cpo' })
export class CpoCdrsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cdrs: RoamingCdrRepository,
    private readonly identities: RoamingIdentityService,
  ) {}

  @Get()
  list(@Ocpi() context: OcpiRequestContext, @Query() query: Record<string, unknown>) {
    return ocpiList(context, query, {
      path: 'cpo/cdrs',
      maxLimit: this.config.OCPI_PAGE_LIMIT,
      identity: () => this.identities.require(context.tenantId),
      page: (window) =>
        this.cdrs.pageOfPartner(context.tenantId, context.partner.id, {
          filter: lastUpdatedFilter(window),
          offset: window.offset,
          limit: window.limit,
        }),
      render: ocpiCdr,
    });
  }
}
