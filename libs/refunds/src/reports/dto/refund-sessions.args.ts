import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsString, Length } from 'class-validator';

/** One report takes up to a hundred sessions (a month of daily charging, three times over). */
export const MAX_SESSIONS_PER_REPORT = 100;

@ArgsType()
export class RefundSessionsArgs {
  @Field(() => [ID], { description: 'The caller’s own stopped, priced sessions' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSIONS_PER_REPORT)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  transactionIds: string[];
}
