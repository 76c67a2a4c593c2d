import { PHASES, Phase, PhaseVector, SessionInput } from './optimizer.types';
import { FuseTree } from './constraint-model';

/**
 * The grid phases of every session. A single-phase session whose station can move it (phaseOptions)
 * goes where the fuses above it have the most room left on that phase once the loads nobody
 * controls and the other sessions' maximum currents are counted, placed in `order` (phase
 * balancing: the least-loaded phase). It stays on its current phase unless another has at least
 * its minimum current more room, since a switch interrupts the charge.
 */
export function choosePhases(
  { fuses, paths, baseAmps: base }: FuseTree,
  sessions: readonly SessionInput[],
  order: readonly number[],
): Phase[][] {
  const byId = new Map(fuses.map((fuse) => [fuse.id, fuse]));
  const demand = new Map<string, PhaseVector>(fuses.map((fuse) => [fuse.id, [...base.get(fuse.id)!]]));
  const place = (session: SessionInput, phases: readonly Phase[]): void => {
    for (const fuseId of paths.get(session.fuseId) ?? []) {
      const load = demand.get(fuseId)!;
      for (const phase of phases) load[phase] += session.maxAmps;
    }
  };
  const switchable = (session: SessionInput): boolean => (session.phaseOptions?.length ?? 0) > 1;
  sessions.forEach((session) => {
    if (!switchable(session)) place(session, session.phases);
  });
  const chosen: Phase[][] = sessions.map((session) => [...session.phases]);
  for (const index of order) {
    const session = sessions[index];
    if (!switchable(session)) continue;
    const room = (phase: Phase): number =>
      Math.min(
        ...(paths.get(session.fuseId) ?? []).map((fuseId) => {
          const limit = byId.get(fuseId)!.limitAmps[phase];
          return (Number.isFinite(limit) ? limit : 1e9) - demand.get(fuseId)![phase];
        }),
      );
    const options = session.phaseOptions!.filter((phase) => PHASES.includes(phase));
    let best = options[0];
    for (const phase of options) if (room(phase) > room(best) + 1e-9) best = phase;
    if (
      session.currentPhase !== undefined &&
      options.includes(session.currentPhase) &&
      room(session.currentPhase) >= room(best) - session.minAmps
    ) {
      best = session.currentPhase;
    }
    chosen[index] = [best];
    place(session, [best]);
  }
  return chosen;
}
