import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { Ocpi, OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiController } from '../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../protocol/ocpi-answer';
import { OcpiError } from '../protocol/ocpi-error';
import { parseOcpiDateTime } from '../protocol/ocpi-datetime';
import { tariffSchemas } from '../schemas/partner-objects.schema';
import { validateOcpi } from '../schemas/ocpi-validator';
import { ownParty, sameId, versionOf } from './emsp-receiver';
import { PartnerObjectRepository } from './partner-object.repository';

interface TariffPath {
  countryCode: string;
  partyId: string;
  tariffId: string;
}

/** Our Tariffs Receiver (we are the eMSP): a CPO's tariffs, kept to show drivers what charging costs. */
@Controller('ocpi/:tenant/:version/emsp/tariffs/:countryCode/:partyId/:tariffId')
@OcpiController({ module: 'tariffs', side: 'emsp' })
export class EmspTariffsController {
  constructor(private readonly objects: PartnerObjectRepository) {}

  @Get()
  async get(@Ocpi() context: OcpiRequestContext, @Param() path: TariffPath) {
    ownParty(context, path.countryCode, path.partyId);
    const found = await this.objects.find(context.tenantId, this.key(context, path));
    if (!found) throw OcpiError.notFound(`Unknown tariff ${path.tariffId}`);
    return found.data;
  }

  @Put()
  async put(@Ocpi() context: OcpiRequestContext, @Param() path: TariffPath, @Body() body: unknown) {
    ownParty(context, path.countryCode, path.partyId);
    const tariff = validateOcpi<Record<string, unknown>>(tariffSchemas[versionOf(context)], body, 'tariff');
    sameId(path.tariffId, tariff.id, 'tariff');
    const created = await this.objects.save(context.tenantId, this.key(context, path), {
      version: versionOf(context),
      data: tariff,
      lastUpdated: parseOcpiDateTime(tariff.last_updated) ?? new Date(),
    });
    return new OcpiAnswer(undefined, { httpStatus: created ? 201 : 200 });
  }

  @Delete()
  async delete(@Ocpi() context: OcpiRequestContext, @Param() path: TariffPath) {
    ownParty(context, path.countryCode, path.partyId);
    if (!(await this.objects.remove(context.tenantId, this.key(context, path)))) {
      throw OcpiError.notFound(`Unknown tariff ${path.tariffId}`);
    }
    return undefined;
  }

  private key(context: OcpiRequestContext, path: TariffPath) {
    return {
      partnerId: context.partner.id,
      module: 'tariffs' as const,
      countryCode: path.countryCode,
      partyId: path.partyId,
      objectId: path.tariffId,
    };
  }
}
