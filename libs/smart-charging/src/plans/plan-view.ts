import { SmartChargingPlan } from '../models/smart-charging-plan.model';
import { ProfileDelivery } from '../models/smart-charging-plan.model';
import { ReasonCode } from '../optimizer/optimizer.types';
import { StoredPlan } from './stored-plan';

/** `areaId` and the areas nested under it, in a stored plan's tree. */
export function areasWithin(plan: StoredPlan, areaId: string): Set<string> {
  const parents = new Map(plan.areas.map((area) => [area.id, area.parentId]));
  const inside = new Set<string>();
  for (const id of plan.areaIds) {
    const seen = new Set<string>();
    for (
      let current: string | undefined = id;
      current && !seen.has(current);
      current = parents.get(current)
    ) {
      seen.add(current);
      if (current === areaId) {
        inside.add(id);
        break;
      }
    }
  }
  return inside;
}

/** The plan as GraphQL shows it for one area: the connectors standing in it or under it. */
export function planViewFor(plan: StoredPlan, siteAreaId: string): SmartChargingPlan {
  const inside = areasWithin(plan, siteAreaId);
  return {
    siteAreaId,
    computedAt: plan.computedAt,
    connectors: plan.connectors
      .filter((connector) => inside.has(connector.siteAreaId))
      .map((connector) => ({
        chargingStationId: connector.chargingStationId,
        connectorId: connector.connectorId,
        transactionId: connector.transactionId,
        siteAreaId: connector.siteAreaId,
        periods: connector.periods,
        reason: connector.reason,
        reasonCode: connector.reasonCode as ReasonCode | undefined,
        gridPhases: connector.gridPhases,
        delivery: connector.delivery as ProfileDelivery,
        deliveryDetail: connector.deliveryDetail,
      })),
  };
}
