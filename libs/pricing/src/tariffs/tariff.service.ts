import { BadInputError, Connection, ConnectionArgs, NotFoundError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { TARIFFS_CHANGED } from '../events/pricing-events';
import { TariffAssignmentRepository } from '../assignments/tariff-assignment.repository';
import { Tariff } from '../model/tariff';
import { TariffAssignment } from '../model/tariff-assignment';
import { normalizeElements, normalizePrice } from '../model/tariff-normalize';
import { tariffViolations } from '../model/tariff-rules';
import { OcpiTariffFormatError, fromOcpiTariff, toOcpiTariff } from '../ocpi/ocpi-tariff.mapper';
import { PricingSettingsService } from '../settings/pricing-settings.service';
import { CreateTariffInput } from './dto/create-tariff.input';
import { UpdateTariffInput } from './dto/update-tariff.input';
import { TariffFields, TariffRepository } from './tariff.repository';

function fieldsOf(input: CreateTariffInput): TariffFields {
  return {
    name: input.name,
    currency: input.currency,
    type: input.type ?? undefined,
    tariffAltText: (input.tariffAltText ?? []).map(({ language, text }) => ({ language, text })),
    tariffAltUrl: input.tariffAltUrl ?? undefined,
    minPrice: normalizePrice(input.minPrice),
    maxPrice: normalizePrice(input.maxPrice),
    startDateTime: input.startDateTime ?? undefined,
    endDateTime: input.endDateTime ?? undefined,
    elements: normalizeElements(input.elements),
  };
}

/** An assignment not narrowed to a user group: its tariff is there for every driver. */
function isOpenToAll(assignment: TariffAssignment): boolean {
  return !assignment.userGroupId;
}

function ensureValid(fields: TariffFields): void {
  const [first, ...more] = tariffViolations(fields);
  if (first) {
    throw new BadInputError(more.length ? `${first.message} (and ${more.length} more)` : first.message, {
      field: first.field,
      violations: [first, ...more],
    });
  }
}

/** Tariffs of a tenant: created, edited (running sessions keep their frozen copy), imported and exported as OCPI. */
@Injectable()
export class TariffService {
  constructor(
    private readonly tariffs: TariffRepository,
    private readonly assignments: TariffAssignmentRepository,
    private readonly settings: PricingSettingsService,
    private readonly events: EventBus,
  ) {}

  list(tenantId: TenantId, args: ConnectionArgs): Promise<Connection<Tariff>> {
    return this.tariffs.page(tenantId, args);
  }

  /**
   * The tariffs any driver may get (assigned somewhere, not only to a user group), last updated in
   * [from, to): what roaming partners are told (OCPI Tariffs). Group prices stay ours.
   */
  async pageOpenToAll(
    tenantId: TenantId,
    window: { from?: Date; to?: Date; offset: number; limit: number },
  ): Promise<{ items: Tariff[]; total: number }> {
    const assignments = await this.assignments.list(tenantId, {});
    const ids = new Set(assignments.filter(isOpenToAll).map((assignment) => assignment.tariffId));
    return this.tariffs.pageUpdated(tenantId, [...ids], window);
  }

  /** The tariff if any driver may get it (see pageOpenToAll); null if it is unassigned, group-only or gone. */
  async findOpenToAll(tenantId: TenantId, id: string): Promise<Tariff | null> {
    const assignments = await this.assignments.list(tenantId, { tariffId: id });
    return assignments.some(isOpenToAll) ? this.tariffs.findById(tenantId, id) : null;
  }

  async get(tenantId: TenantId, id: string): Promise<Tariff> {
    const tariff = await this.tariffs.findById(tenantId, id);
    if (!tariff) throw new NotFoundError('Tariff', id);
    return tariff;
  }

  create(tenantId: TenantId, input: CreateTariffInput): Promise<Tariff> {
    const fields = fieldsOf(input);
    ensureValid(fields);
    return this.tariffs.create(tenantId, fields);
  }

  async update(tenantId: TenantId, input: UpdateTariffInput): Promise<Tariff> {
    const existing = await this.get(tenantId, input.id);
    const defined = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
    );
    const fields = fieldsOf({ ...existing, ...defined });
    ensureValid(fields);
    const updated = await this.tariffs.replace(tenantId, input.id, fields);
    if (!updated) throw new NotFoundError('Tariff', input.id);
    await this.events.publish(
      domainEvent(TARIFFS_CHANGED, tenantId, { tariffId: input.id, change: 'updated' }),
    );
    return updated;
  }

  /** Refused while assigned: unassign it first (sessions that used it keep their own copy). */
  async delete(tenantId: TenantId, id: string): Promise<boolean> {
    await this.get(tenantId, id);
    const assigned = await this.assignments.countOfTariff(tenantId, id);
    if (assigned > 0) {
      throw new BadInputError(`Tariff ${id} is still assigned ${assigned} time(s): unassign it first`, {
        field: 'id',
      });
    }
    const removed = await this.tariffs.remove(tenantId, id);
    if (removed)
      await this.events.publish(domainEvent(TARIFFS_CHANGED, tenantId, { tariffId: id, change: 'deleted' }));
    return removed;
  }

  /** An OCPI 2.2.1 Tariff object (JSON text) becomes a tariff of this tenant. */
  async importOcpi(tenantId: TenantId, json: string, name?: string): Promise<Tariff> {
    let imported;
    try {
      imported = fromOcpiTariff(json);
    } catch (error) {
      if (error instanceof OcpiTariffFormatError) {
        throw new BadInputError(error.message, { field: 'json', issues: error.issues });
      }
      throw error;
    }
    const { ocpiId, party: _party, ...tariff } = imported;
    const fields: TariffFields = { ...tariff, name: name ?? `OCPI tariff ${ocpiId}` };
    ensureValid(fields);
    return this.tariffs.create(tenantId, fields);
  }

  /** The exact OCPI 2.2.1 Tariff object, with the tenant's OCPI party. */
  async ocpiJson(tenantId: TenantId, tariff: Tariff): Promise<string> {
    const settings = await this.settings.get(tenantId);
    return JSON.stringify(
      toOcpiTariff(tariff, { countryCode: settings.ocpiCountryCode, partyId: settings.ocpiPartyId }),
    );
  }
}
