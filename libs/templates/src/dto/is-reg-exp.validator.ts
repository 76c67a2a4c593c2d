import { ValidationOptions, registerDecorator } from 'class-validator';

const MAX_PATTERN_LENGTH = 200;

export function isRegExpSource(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_PATTERN_LENGTH) return false;
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

/** A JavaScript regular expression source of at most 200 characters. */
export function IsRegExp(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRegExp',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be a valid regular expression of at most ${MAX_PATTERN_LENGTH} characters`,
        ...options,
      },
      validator: { validate: isRegExpSource },
    });
}
