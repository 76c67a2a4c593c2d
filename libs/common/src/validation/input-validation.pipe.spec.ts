import { BadRequestException } from '@nestjs/common';
import { IsInt } from 'class-validator';
import { InputValidationPipe } from './input-validation.pipe';

class ProfileInput {
  @IsInt()
  id: number;
}

// GraphQL arguments reach pipes as type 'body' with their name in `data`.
const argument = { type: 'body', metatype: ProfileInput, data: 'chargingProfile' } as const;

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe({ transform: true });

  it('lets an optional named argument that was left out pass as it is', async () => {
    await expect(pipe.transform(undefined, argument)).resolves.toBeUndefined();
    await expect(pipe.transform(null, argument)).resolves.toBeNull();
  });

  it('still validates an argument that was given, and a missing whole body', async () => {
    await expect(pipe.transform({ id: 'x' }, argument)).rejects.toThrow(BadRequestException);
    await expect(pipe.transform(undefined, { type: 'body', metatype: ProfileInput })).rejects.toThrow(
      BadRequestException,
    );
    await expect(pipe.transform({ id: 3 }, argument)).resolves.toEqual({ id: 3 });
  });
});
