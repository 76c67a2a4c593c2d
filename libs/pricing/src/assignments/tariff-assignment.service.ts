import { BadInputError, NotFoundError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { ChargingStationService } from '@csms/stations';
import { TARIFFS_CHANGED } from '../events/pricing-events';
import { Injectable, Optional } from '@nestjs/common';
import { UserGroupRepository } from '../groups/user-group.repository';
import { TariffAssignment, TariffLevel } from '../model/tariff-assignment';
import { TariffLocationDirectory } from '../ports/tariff-location.port';
import { TariffRepository } from '../tariffs/tariff.repository';
import { AssignTariffInput } from './dto/assign-tariff.input';
import { TariffAssignmentRepository } from './tariff-assignment.repository';

@Injectable()
export class TariffAssignmentService {
  constructor(
    private readonly assignments: TariffAssignmentRepository,
    private readonly tariffs: TariffRepository,
    private readonly groups: UserGroupRepository,
    private readonly stations: ChargingStationService,
    private readonly events: EventBus,
    @Optional() private readonly locations?: TariffLocationDirectory,
  ) {}

  list(
    tenantId: TenantId,
    filter: { tariffId?: string; level?: TariffLevel; entityId?: string },
  ): Promise<TariffAssignment[]> {
    return this.assignments.list(tenantId, filter);
  }

  async assign(tenantId: TenantId, input: AssignTariffInput): Promise<TariffAssignment> {
    if (!(await this.tariffs.findById(tenantId, input.tariffId))) {
      throw new BadInputError(`Tariff ${input.tariffId} not found`, { field: 'tariffId' });
    }
    await this.ensureTarget(tenantId, input);
    if (input.userGroupId && !(await this.groups.findById(tenantId, input.userGroupId))) {
      throw new BadInputError(`User group ${input.userGroupId} not found`, { field: 'userGroupId' });
    }
    if (
      input.minPowerWatts !== undefined &&
      input.maxPowerWatts !== undefined &&
      input.minPowerWatts > input.maxPowerWatts
    ) {
      throw new BadInputError('minPowerWatts is above maxPowerWatts', { field: 'minPowerWatts' });
    }
    if (input.validFrom && input.validTo && input.validFrom >= input.validTo) {
      throw new BadInputError('validTo (exclusive) must come after validFrom', { field: 'validTo' });
    }
    const assignment = await this.assignments.create(tenantId, {
      tariffId: input.tariffId,
      level: input.level,
      entityId: input.level === TariffLevel.TENANT ? undefined : input.entityId,
      connectorId: input.level === TariffLevel.CONNECTOR ? input.connectorId : undefined,
      userGroupId: input.userGroupId ?? undefined,
      connectorType: input.connectorType ?? undefined,
      minPowerWatts: input.minPowerWatts ?? undefined,
      maxPowerWatts: input.maxPowerWatts ?? undefined,
      validFrom: input.validFrom ?? undefined,
      validTo: input.validTo ?? undefined,
    });
    await this.events.publish(
      domainEvent(TARIFFS_CHANGED, tenantId, { tariffId: assignment.tariffId, change: 'assigned' }),
    );
    return assignment;
  }

  async unassign(tenantId: TenantId, id: string): Promise<boolean> {
    const assignment = await this.assignments.findById(tenantId, id);
    if (!assignment) throw new NotFoundError('TariffAssignment', id);
    const removed = await this.assignments.remove(tenantId, id);
    if (removed) {
      await this.events.publish(
        domainEvent(TARIFFS_CHANGED, tenantId, { tariffId: assignment.tariffId, change: 'unassigned' }),
      );
    }
    return removed;
  }

  private async ensureTarget(tenantId: TenantId, input: AssignTariffInput): Promise<void> {
    const { level, entityId, connectorId } = input;
    if (level === TariffLevel.TENANT) {
      if (entityId || connectorId !== undefined) {
        throw new BadInputError('A TENANT assignment takes no entityId or connectorId', {
          field: 'entityId',
        });
      }
      return;
    }
    if (!entityId) throw new BadInputError(`A ${level} assignment needs an entityId`, { field: 'entityId' });
    if (level === TariffLevel.CONNECTOR && connectorId === undefined) {
      throw new BadInputError('A CONNECTOR assignment needs a connectorId', { field: 'connectorId' });
    }
    if (level !== TariffLevel.CONNECTOR && connectorId !== undefined) {
      throw new BadInputError('Only a CONNECTOR assignment takes a connectorId', { field: 'connectorId' });
    }
    const exists =
      level === TariffLevel.CHARGING_STATION || level === TariffLevel.CONNECTOR
        ? (await this.stations.find(tenantId, entityId)) !== null
        : ((await this.locations?.exists(tenantId, level, entityId)) ?? false);
    if (!exists)
      throw new BadInputError(`No ${level.toLowerCase().replace('_', ' ')} ${entityId}`, {
        field: 'entityId',
      });
  }
}
