import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, Length } from 'class-validator';

@InputType()
export class CreateUserGroupInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  userIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  tagIds?: string[];
}

@InputType({ description: 'Lists given replace the group’s members' })
export class UpdateUserGroupInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  userIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  tagIds?: string[];
}
