import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { PhaseRotation } from '../wiring/phase-rotation';

@InputType({ description: 'Fields left out keep their value (defaults: RST, no switching, priority 1)' })
export class ConnectorWiringInput {
  @Field(() => ID)
  @IsString()
  chargingStationId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  connectorId: number;

  @Field(() => PhaseRotation, { nullable: true })
  @IsOptional()
  @IsEnum(PhaseRotation)
  phaseRotation?: PhaseRotation;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  phaseSwitching?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  priority?: number;
}
