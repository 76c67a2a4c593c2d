import { APP_CONFIG, AppConfig } from '@csms/common';
import { TariffService } from '@csms/pricing';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { RoamingIdentityService } from '../../../identity/roaming-identity.service';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { ocpiList } from '../../protocol/ocpi-list';
import { ocpiTariff } from './ocpi-tariff-version';

/**
 * Our Tariffs Sender interface (we are the CPO): our own tariffs, the very objects our engine prices
 * sessions with, those open to every driver, last updated in [date_from, date_to).
 */
@Controller('ocpi/:tenant/:version/cpo/tariffs')
@OcpiController({ module: 'tariffs', side: 'cpo' })
export class CpoTariffsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tariffs: TariffService,
    private readonly identities: RoamingIdentityService,
  ) {}

  @Get()
  list(@Ocpi() context: OcpiRequestContext, @Query() query: Record<string, unknown>) {
    return ocpiList(context, query, {
      path: 'cpo/tariffs',
      maxLimit: this.config.OCPI_PAGE_LIMIT,
      identity: () => this.identities.require(context.tenantId),
      page: (window) =>
        this.tariffs.pageOpenToAll(context.tenantId, {
          from: window.dateFrom,
          to: window.dateTo,
          offset: window.offset,
          limit: window.limit,
        }),
      render: ocpiTariff,
    });
  }
}
