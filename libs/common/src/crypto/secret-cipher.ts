import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * Encrypts secrets the server must hand to outside parties later (a meter's OAuth2 client secret, an
 * API key), so a copy of the database alone does not reveal them. AES-256-GCM with a random IV per
 * value; the key is SHA-256 of SECRETS_ENCRYPTION_KEY. Stored as `v1:<iv>:<tag>:<ciphertext>`
 * (base64url), so a later key scheme can tell its values apart.
 */
@Injectable()
export class SecretCipher {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'SECRETS_ENCRYPTION_KEY'>) {
    this.key = createHash('sha256').update(config.SECRETS_ENCRYPTION_KEY).digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  /** Throws when the value was sealed with another key or altered. */
  decrypt(stored: string): string {
    const [version, iv, tag, sealed] = stored.split(':');
    if (version !== VERSION || !iv || !tag || sealed === undefined) {
      throw new Error('Not a value sealed by SecretCipher');
    }
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
