import { registerEnumType } from '@nestjs/graphql';
import type { ApiKey } from './api-key.model';

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(ApiKeyStatus, { name: 'ApiKeyStatus' });

export function statusOf(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return ApiKeyStatus.REVOKED;
  if (key.expiresAt && key.expiresAt <= now) return ApiKeyStatus.EXPIRED;
  return ApiKeyStatus.ACTIVE;
}
