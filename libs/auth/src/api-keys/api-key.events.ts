import { DomainEvent } from '@csms/events';

/** Published on the event bus (every instance hears it): the key's open connections must close. */
export const API_KEY_REVOKED = 'ApiKeyRevoked';

export type ApiKeyRevokedEvent = DomainEvent<typeof API_KEY_REVOKED, { apiKeyId: string }>;
