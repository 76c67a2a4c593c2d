import { StoredAllowance, StoredArea, StoredConnectorPlan } from './smart-charging-plan.schema';

export interface StoredPlan {
  rootAreaId: string;
  areaIds: string[];
  areas: StoredArea[];
  computedAt: Date;
  /** The tree's sticky limitation setting when planned. */
  stickyLimitation: boolean;
  connectors: StoredConnectorPlan[];
  allowances: StoredAllowance[];
}
