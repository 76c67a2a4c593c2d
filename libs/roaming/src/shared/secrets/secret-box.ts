import { APP_CONFIG, AppConfig, BadInputError, DEVELOPMENT_DEFAULTS } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';

/**
 * Encrypts partners' secrets at rest (the credentials tokens we use to call them) with AES-256-GCM
 * under a key derived from ROAMING_ENCRYPTION_KEY. Outside production an unset key falls back to the
 * development default; production has no default (config refuses it), so without a key no partner
 * secret is stored at all.
 */
@Injectable()
export class SecretBox {
  private readonly key?: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const secret =
      config.ROAMING_ENCRYPTION_KEY ??
      (config.NODE_ENV === 'production' ? undefined : DEVELOPMENT_DEFAULTS.ROAMING_ENCRYPTION_KEY);
    this.key = secret ? createHash('sha256').update(secret, 'utf8').digest() : undefined;
  }

  encrypt(plain: string): string {
    const key = this.requireKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, iv, tag, encrypted]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
      .join(':');
  }

  decrypt(sealed: string): string {
    const key = this.requireKey();
    const [format, iv, tag, encrypted] = sealed.split(':');
    if (format !== FORMAT || !iv || !tag || encrypted === undefined) throw new Error('Not a sealed secret');
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }

  private requireKey(): Buffer {
    if (!this.key) {
      throw new BadInputError(
        'Roaming partners need ROAMING_ENCRYPTION_KEY (at least 32 characters) in production: their tokens are stored encrypted',
      );
    }
    return this.key;
  }
}
