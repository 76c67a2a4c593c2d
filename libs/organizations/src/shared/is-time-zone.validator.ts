import { isTimeZone } from '@csms/common';
import { ValidationOptions, registerDecorator } from 'class-validator';

/** An IANA time zone this runtime knows (Europe/Paris, America/New_York, UTC). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an IANA time zone such as Europe/Paris`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isTimeZone(value) },
    });
}
