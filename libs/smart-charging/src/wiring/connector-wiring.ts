import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PhaseRotation } from './phase-rotation';

@ObjectType({ description: 'How a connector is wired to the grid and ranked by smart charging' })
export class ConnectorWiring {
  @Field(() => ID)
  chargingStationId: string;

  @Field(() => Int)
  connectorId: number;

  @Field(() => PhaseRotation)
  phaseRotation: PhaseRotation;

  @Field({ description: 'The station can put a single-phase car on another phase (2.0.1 phaseToUse)' })
  phaseSwitching: boolean;

  @Field(() => Int, { description: 'Weight in the fair share and rank for the minimum current; 1 normal' })
  priority: number;
}

export const DEFAULT_WIRING = { phaseRotation: PhaseRotation.RST, phaseSwitching: false, priority: 1 };
