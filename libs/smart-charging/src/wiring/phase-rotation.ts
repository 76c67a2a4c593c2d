import { registerEnumType } from '@nestjs/graphql';
import { Phase } from '../optimizer/optimizer.types';

/**
 * Which grid phase feeds a connector's L1, L2, L3, as OCPP's ConnectorPhaseRotation spells it: R, S, T
 * are grid L1, L2, L3; RST is straight wiring, TRS puts the connector's L1 on grid L3.
 */
export enum PhaseRotation {
  RST = 'RST',
  RTS = 'RTS',
  SRT = 'SRT',
  STR = 'STR',
  TRS = 'TRS',
  TSR = 'TSR',
}
registerEnumType(PhaseRotation, {
  name: 'PhaseRotation',
  description:
    "Grid phases (R, S, T: L1, L2, L3) feeding the connector's L1, L2, L3 (OCPP ConnectorPhaseRotation)",
});

const GRID_PHASE: Record<string, Phase> = { R: 0, S: 1, T: 2 };

/** The grid phase (0..2) of a connector phase (1..3). */
export function gridPhaseOf(rotation: PhaseRotation, connectorPhase: number): Phase {
  return GRID_PHASE[rotation[connectorPhase - 1]];
}

/** The connector phase (1..3) a grid phase (0..2) arrives on. */
export function connectorPhaseOf(rotation: PhaseRotation, gridPhase: Phase): number {
  return rotation.indexOf('RST'[gridPhase]) + 1;
}
