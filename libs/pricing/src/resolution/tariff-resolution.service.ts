import { TenantId } from '@csms/common';
import { ChargingStation, ChargingStationService, Connector } from '@csms/stations';
import { TagService, TenantService } from '@csms/users';
import { Injectable, Optional } from '@nestjs/common';
import { TariffAssignmentRepository } from '../assignments/tariff-assignment.repository';
import { UserGroupRepository } from '../groups/user-group.repository';
import { Tariff } from '../model/tariff';
import { LEVEL_RANK, TariffAssignment, TariffLevel } from '../model/tariff-assignment';
import { TariffLocation, TariffLocationDirectory } from '../ports/tariff-location.port';
import { TariffRepository } from '../tariffs/tariff.repository';
import { TariffQuery, TariffResolutionResult } from './tariff-resolution';

interface Candidate {
  assignment: TariffAssignment;
  tariff: Tariff;
  /** Level rank, then nearness of a site area (0 is the station's own area). */
  rank: number;
  areaDepth: number;
  narrowed: number;
}

function describe(assignment: TariffAssignment): string {
  const where =
    assignment.level === TariffLevel.TENANT
      ? 'the tenant'
      : assignment.level === TariffLevel.CONNECTOR
        ? `connector ${assignment.connectorId} of ${assignment.entityId}`
        : `${assignment.level.toLowerCase().replace('_', ' ')} ${assignment.entityId}`;
  const narrowing = [
    assignment.userGroupId && `user group ${assignment.userGroupId}`,
    assignment.connectorType && `${assignment.connectorType} connectors`,
    assignment.minPowerWatts !== undefined && `from ${assignment.minPowerWatts} W`,
    assignment.maxPowerWatts !== undefined && `up to ${assignment.maxPowerWatts} W`,
    (assignment.validFrom || assignment.validTo) &&
      `valid ${assignment.validFrom?.toISOString() ?? '…'} to ${assignment.validTo?.toISOString() ?? '…'}`,
  ].filter(Boolean);
  return `assignment ${assignment.id} at ${where}${narrowing.length ? ` for ${narrowing.join(', ')}` : ''}`;
}

/** Why an assignment in scope does not apply here, or null when it does. */
function mismatch(
  assignment: TariffAssignment,
  tariff: Tariff | undefined,
  connector: Connector | undefined,
  groups: Set<string>,
  at: Date,
): string | null {
  if (!tariff) return 'its tariff no longer exists';
  if (assignment.userGroupId && !groups.has(assignment.userGroupId))
    return 'the driver is not in its user group';
  if (assignment.connectorType && connector?.type !== assignment.connectorType)
    return 'another connector type';
  const power = connector?.maxPowerWatts;
  if (assignment.minPowerWatts !== undefined && !(power !== undefined && power >= assignment.minPowerWatts))
    return 'the connector is less powerful';
  if (assignment.maxPowerWatts !== undefined && !(power !== undefined && power <= assignment.maxPowerWatts))
    return 'the connector is more powerful';
  if (assignment.validFrom && at < assignment.validFrom) return 'not valid yet';
  if (assignment.validTo && at >= assignment.validTo) return 'no longer valid';
  if (tariff.startDateTime && at < tariff.startDateTime) return 'its tariff is not active yet';
  if (tariff.endDateTime && at >= tariff.endDateTime) return 'its tariff has ended';
  return null;
}

/** Better first: more specific level, nearer site area, narrower (group first), newer. */
function compare(a: Candidate, b: Candidate): number {
  return (
    b.rank - a.rank ||
    a.areaDepth - b.areaDepth ||
    b.narrowed - a.narrowed ||
    b.assignment.createdAt.getTime() - a.assignment.createdAt.getTime() ||
    (a.assignment.id < b.assignment.id ? 1 : -1)
  );
}

/**
 * Which tariff applies to a session: among the assignments of the tenant, the station's company,
 * site, site areas (walking up the parents), station and connector that match the driver's groups,
 * the connector and the moment, the most specific wins; between equals, a narrowed one (user group,
 * then connector type or power), then the newest. The answer says why.
 */
@Injectable()
export class TariffResolutionService {
  constructor(
    private readonly assignments: TariffAssignmentRepository,
    private readonly tariffs: TariffRepository,
    private readonly groups: UserGroupRepository,
    private readonly tenants: TenantService,
    private readonly stations: ChargingStationService,
    private readonly tags: TagService,
    @Optional() private readonly locations?: TariffLocationDirectory,
  ) {}

  async resolve(tenantId: TenantId, query: TariffQuery): Promise<TariffResolutionResult> {
    const station = await this.stations.get(tenantId, query.chargingStationId);
    // Most starts in a tenant without any assignment: no further read.
    if (!(await this.assignments.tenantHasAny(tenantId))) {
      return {
        reason: 'No tariff is assigned in this tenant',
        timeZone: await this.tenants.timeZoneOf(tenantId),
      };
    }
    const [location, userId, tenantTimeZone] = await Promise.all([
      this.locationOf(tenantId, station),
      query.userId || !query.tagId
        ? Promise.resolve(query.userId)
        : this.tags.findByTagId(tenantId, query.tagId).then((tag) => tag?.userId),
      this.tenants.timeZoneOf(tenantId),
    ]);
    const timeZone = location?.timeZone ?? tenantTimeZone;
    const connector =
      query.connectorId === undefined
        ? undefined
        : station.connectors.find((candidate) => candidate.connectorId === query.connectorId);
    const [inScope, groups] = await Promise.all([
      this.assignments.inScope(tenantId, {
        companyId: location?.companyId,
        siteId: location?.siteId ?? station.siteId,
        siteAreaIds: location?.siteAreaIds ?? (station.siteAreaId ? [station.siteAreaId] : []),
        chargingStationId: station.id,
        connectorId: query.connectorId,
      }),
      this.groups.idsOfMember(tenantId, { userId, tagId: query.tagId }),
    ]);
    if (!inScope.length)
      return { reason: 'No tariff is assigned to this station, its site or its tenant', timeZone };
    const tariffs = new Map(
      (await this.tariffs.findByIds(tenantId, [...new Set(inScope.map((a) => a.tariffId))])).map((t) => [
        t.id,
        t,
      ]),
    );
    const areaIds = location?.siteAreaIds ?? [];
    const candidates: Candidate[] = [];
    const skipped: string[] = [];
    for (const assignment of inScope) {
      const tariff = tariffs.get(assignment.tariffId);
      const why = mismatch(assignment, tariff, connector, groups, query.at);
      if (why) {
        skipped.push(`${describe(assignment)}: ${why}`);
        continue;
      }
      candidates.push({
        assignment,
        tariff: tariff!,
        rank: LEVEL_RANK[assignment.level],
        areaDepth:
          assignment.level === TariffLevel.SITE_AREA ? areaIds.indexOf(assignment.entityId ?? '') : 0,
        narrowed: assignment.userGroupId
          ? 2
          : assignment.connectorType ||
              assignment.minPowerWatts !== undefined ||
              assignment.maxPowerWatts !== undefined
            ? 1
            : 0,
      });
    }
    candidates.sort(compare);
    const [chosen, ...others] = candidates;
    const notes = [
      others.length ? `${others.length} other matching assignment(s) are less specific or older` : '',
      skipped.length ? `left out: ${skipped.join('; ')}` : '',
    ].filter(Boolean);
    if (!chosen) return { reason: `No assignment matches. ${notes.join('. ')}`, timeZone };
    return {
      tariff: chosen.tariff,
      assignment: chosen.assignment,
      reason: `Tariff "${chosen.tariff.name}" from ${describe(chosen.assignment)}, the most specific match${
        notes.length ? `. ${notes.join('. ')}` : ''
      }`,
      timeZone,
    };
  }

  private async locationOf(tenantId: TenantId, station: ChargingStation): Promise<TariffLocation | null> {
    if (!station.siteAreaId || !this.locations) return null;
    return this.locations.locationOf(tenantId, station.siteAreaId);
  }
}
