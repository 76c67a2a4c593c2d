import { FuseInput, OptimizerInput, PHASES, SessionPlan } from '../optimizer/optimizer.types';
import { fusePaths, subtreeBaseAmps } from '../optimizer/constraint-model';
import { IdleConnector } from './problem-builder';

/**
 * What each idle connector of a controlled station may let a newly plugged car draw until the next
 * plan (sent as its TxDefaultProfile): the room left on every fuse above it once the planned
 * sessions' first slot is counted, shared by all idle connectors of the tree (they could all start
 * at once), within the connector's own maximum; below the minimum current, nothing (the car waits
 * for its plan, seconds away). Undefined where nothing limits the connector.
 */
export function idleAllowances(
  input: OptimizerInput,
  plans: readonly SessionPlan[],
  idle: readonly IdleConnector[],
  stationFuseId: (stationId: string) => string,
  minimumAmps: number,
): (number | undefined)[] {
  if (idle.length === 0) return [];
  const paths = fusePaths(input.fuses);
  const load = subtreeBaseAmps(input.fuses, paths);
  const sessions = new Map(input.sessions.map((session) => [session.id, session]));
  for (const plan of plans) {
    const session = sessions.get(plan.id);
    if (!session) continue;
    for (const fuseId of paths.get(session.fuseId) ?? []) {
      for (const phase of plan.phases) load.get(fuseId)![phase] += plan.amps[0] ?? 0;
    }
  }
  const byId = new Map<string, FuseInput>(input.fuses.map((fuse) => [fuse.id, fuse]));
  return idle.map((connector) => {
    let room = Infinity;
    for (const fuseId of paths.get(stationFuseId(connector.station.id)) ?? []) {
      const fuse = byId.get(fuseId)!;
      for (const phase of PHASES) {
        if (fuse.limitAmps[phase] === 0 || !Number.isFinite(fuse.limitAmps[phase])) continue;
        room = Math.min(room, fuse.limitAmps[phase] - load.get(fuseId)![phase]);
      }
    }
    const share = Math.min(connector.maxAmps, room / idle.length);
    // Nothing limits it: no allowance to send.
    if (!Number.isFinite(share)) return undefined;
    const amps = Math.floor(Math.max(0, share) * 10) / 10;
    return amps < minimumAmps ? 0 : amps;
  });
}
