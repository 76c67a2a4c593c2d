import { ArrivingEv } from '../../../apps/simulator/src/model/ev-fleet';
import { SimulatorOptions } from '../../../apps/simulator/src/cli/simulator-options';
import { Simulation, startSimulation } from '../../../apps/simulator/src/simulation';
import { SimulatedStation } from '../../../apps/simulator/src/station/simulated-station';
import { simOptions } from '../../simulator/support/sim-options';
import {
  createCompany,
  createSite as createSiteOf,
  createStationIn,
} from '../../organizations/support/organizations';
import { GraphQLClient } from '../../support/graphql-client';
import { eventually } from '../../support/users';

/** The set-up the smart-charging suites share: an area, its stations, and simulated cars that obey their profiles. */

export const threePhaseCar = (name: string): ArrivingEv => ({
  name,
  spec: { batteryWh: 90_000, maxPowerW: 22_000, taperFromSoc: 95, phases: 3 },
  arrivalSoc: 20,
  targetSoc: 100,
});

export const singlePhaseCar: ArrivingEv = {
  name: 'single-phase 7.4 kW',
  spec: { batteryWh: 60_000, maxPowerW: 7_360, taperFromSoc: 95, phases: 1 },
  arrivalSoc: 30,
  targetSoc: 100,
};

export interface PlanConnector {
  chargingStationId: string;
  connectorId: number;
  transactionId: string | null;
  reason: string | null;
  reasonCode: string | null;
  gridPhases: number[];
  delivery: string;
  periods: { start: string; limitAmps: number | null; limitWatts: number | null }[];
}

export interface PlanView {
  siteAreaId: string;
  computedAt: string;
  connectors: PlanConnector[];
}

/** The fields of a SmartChargingPlan the suites read. */
export const PLAN_FIELDS = `siteAreaId computedAt connectors { chargingStationId connectorId transactionId reason
  reasonCode gridPhases delivery periods { start limitAmps limitWatts } }`;

const PLAN = `query($id: ID!) { smartChargingPlan(siteAreaId: $id) { ${PLAN_FIELDS} } }`;

/** The connectors of the area's stored plan (none before its first plan). */
export async function planOf(client: GraphQLClient, siteAreaId: string): Promise<PlanConnector[]> {
  const { smartChargingPlan } = await client.data<{ smartChargingPlan: PlanView | null }>(PLAN, {
    id: siteAreaId,
  });
  return smartChargingPlan?.connectors ?? [];
}

export interface AreaInput {
  name: string;
  maximumCurrentAmps: number;
  smartCharging?: boolean;
  parentSiteAreaId?: string;
}

/** A three-phase 230 V site area (smart charging on unless said otherwise); returns its id. */
export async function createArea(admin: GraphQLClient, siteId: string, area: AreaInput): Promise<string> {
  const { createSiteArea } = await admin.data<{ createSiteArea: { id: string } }>(
    `mutation($input: CreateSiteAreaInput!) { createSiteArea(input: $input) { id } }`,
    {
      input: {
        siteId,
        numberOfPhases: 3,
        voltage: 230,
        smartCharging: true,
        ...area,
      },
    },
  );
  return createSiteArea.id;
}

/** A company and a site for the suite's areas; returns the site's id. */
export async function createSite(admin: GraphQLClient, name: string): Promise<string> {
  return createSiteOf(admin, await createCompany(admin, `${name} company`), name);
}

/** Registers the stations in the area, before they first connect. */
export async function placeStations(admin: GraphQLClient, ids: string[], siteAreaId: string): Promise<void> {
  for (const id of ids) await createStationIn(admin, id, siteAreaId);
}

/** One-connector simulated stations (fast meter values) whose cars the suite plugs in one by one. */
export class SimulatedFleet {
  private constructor(
    private readonly simulations: Simulation[],
    private readonly tag: string,
  ) {}

  /** Starts each group of stations against the tenant's OCPP endpoint and waits until all booted. */
  static async start(
    ocppUrl: string,
    tag: string,
    groups: Partial<SimulatorOptions>[],
  ): Promise<SimulatedFleet> {
    const base = { mode: 'manual' as const, connectors: 1, interval: 0.5, tag, speed: 1 };
    const simulations = groups.map((group) => startSimulation(simOptions(ocppUrl, { ...base, ...group })));
    await Promise.all(simulations.map((simulation) => simulation.started));
    return new SimulatedFleet(simulations, tag);
  }

  station(id: string): SimulatedStation {
    const found = this.simulations
      .flatMap((simulation) => simulation.stations)
      .find((candidate) => candidate.identity === id);
    if (!found) throw new Error(`No simulated station ${id}`);
    return found;
  }

  /** What the station's connector 1 really draws now, per connector phase (the simulator's physics). */
  drawn(id: string): number[] {
    const simulated = this.station(id);
    return simulated.sample(simulated.connectors[0]).currentsA;
  }

  /** Waits until every listed station draws its expected current (± 0.35 A) on each phase it uses. */
  drawing(expected: Record<string, number>, timeoutMs = 20_000): Promise<Record<string, number[]>> {
    return eventually(
      async () => Object.fromEntries(Object.keys(expected).map((id) => [id, this.drawn(id)])),
      (now) =>
        Object.entries(expected).every(([id, amps]) =>
          now[id].filter((phase) => phase > 0.5).every((phase) => Math.abs(phase - amps) <= 0.35),
        ),
      timeoutMs,
    );
  }

  /** Plugs `ev` into the station's connector 1 and starts its session with `tag` (the fleet's by default). */
  async plug(id: string, ev: ArrivingEv, tag = this.tag): Promise<void> {
    const simulated = this.station(id);
    if (!(await simulated.runSession(simulated.connectors[0], tag, 'Local', { ev }))) {
      throw new Error(`${id} could not start a session`);
    }
  }

  async unplug(id: string): Promise<void> {
    const simulated = this.station(id);
    await simulated.stopSession(simulated.connectors[0], 'Local');
  }

  async stop(): Promise<void> {
    await Promise.all(this.simulations.map((simulation) => simulation.stop()));
  }
}
