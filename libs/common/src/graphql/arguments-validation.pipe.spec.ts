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

  it('refuses text that is not well-formed Unicode, at any depth, and keeps whole surrogate pairs', async () => {
    for (const value of [
      { id: 1, name: '\udfff' },
      { id: 1, nested: { list: ['ok', 'a\ud800'] } },
    ]) {
      await expect(pipe.transform(value, { ...argument, type: 'body' })).rejects.toBeInstanceOf(
        BadRequestException,
      );
    }
    await expect(pipe.transform({ id: 1, name: '🔌' }, { ...argument, type: 'body' })).resolves.toEqual({
      id: 1,
      name: '🔌',
    });
  });

  it('leaves what is not an argument alone: a request in the context (circular, huge) is passed through', async () => {
    class Request {
      self?: Request;
      name = '\udfff';
    }
    const request = new Request();
    request.self = request;
    const context = { type: 'custom', metatype: Object, data: 'req' } as const;
    await expect(pipe.transform(request, context)).resolves.toBe(request);
  });
});
