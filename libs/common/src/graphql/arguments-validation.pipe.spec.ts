import { BadRequestException } from '@nestjs/common';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt } from 'class-validator';
import { ArgumentsValidationPipe } from './arguments-validation.pipe';

@InputType()
class ProfileInput {
  @Field(() => Int)
  @IsInt()
  id: number;
}

describe('ArgumentsValidationPipe', () => {
  const pipe = new ArgumentsValidationPipe({ transform: true });
  const argument = { type: 'custom', metatype: ProfileInput, data: 'profile' } as const;

  it('passes an optional input that was left out without validating it', async () => {
    await expect(pipe.transform(undefined, { ...argument, type: 'body' })).resolves.toBeUndefined();
    await expect(pipe.transform(null, { ...argument, type: 'body' })).resolves.toBeNull();
  });

  it('still validates an input that was given', async () => {
    await expect(pipe.transform({ id: 'x' }, { ...argument, type: 'body' })).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(pipe.transform({ id: 3 }, { ...argument, type: 'body' })).resolves.toEqual({ id: 3 });
  });
});
