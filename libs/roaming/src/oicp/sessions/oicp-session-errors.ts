import { EventBus, Unsubscribe } from '@csms/events';
import { CONNECTOR_STATUS_CHANGED, ConnectorStatusChangedEvent } from '@csms/stations';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Outbox } from '../../outbox/outbox';
import { PartnerRegistry } from '../../partners/partner-registry';
import { RoamingSessionRepository } from '../../sessions/roaming-session.repository';
import { sessionObjectKey } from '../../sessions/session-events';
import { OicpSettingsService } from '../settings/oicp-settings.service';
import { OicpErrorType, errorOfFault } from './oicp-charging-errors';

/** Outbox kind of a charging error of a Hubject session (OICP only: OCPI has no such message). */
export const OICP_SESSION_ERROR = 'oicp.session-error';

export interface SessionErrorPayload {
  id: string;
  errorType: OicpErrorType;
  info: string;
  occurredAt: Date;
}

/**
 * A connector that turns Faulted during a Hubject session: Hubject gets a ChargingNotification Error
 * (once per session), in order with the session's other notifications. Costs nothing for any status
 * but Faulted, and one cached settings read for a Faulted one outside Hubject's tenants.
 */
@Injectable()
export class OicpSessionErrors implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: Unsubscribe;

  constructor(
    private readonly settings: OicpSettingsService,
    private readonly sessions: RoamingSessionRepository,
    private readonly partners: PartnerRegistry,
    private readonly outbox: Outbox,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<ConnectorStatusChangedEvent>(
      CONNECTOR_STATUS_CHANGED,
      async ({ tenantId, payload: { connector } }) => {
        if (connector.status !== 'Faulted' || !connector.currentTransactionId) return;
        const connection = await this.settings.connection(tenantId);
        if (!connection) return;
        const session = await this.sessions.findById(tenantId, connector.currentTransactionId);
        if (session?.partnerId !== connection.partnerId || session.status !== 'ACTIVE') return;
        if (!session.authorizationReference) return;
        const hubject = await this.partners.get(tenantId, connection.partnerId);
        if (!hubject || !(await this.sessions.claimErrorReport(tenantId, session.id, 'status'))) return;
        const info = [connector.errorCode, connector.info, connector.vendorErrorCode]
          .filter((part) => part && part !== 'NoError')
          .join(' ');
        const payload: SessionErrorPayload = {
          id: session.id,
          errorType: errorOfFault(connector.errorCode),
          info: `Connector faulted${info ? `: ${info}` : ''}`,
          occurredAt: connector.statusUpdatedAt ?? new Date(),
        };
        await this.outbox.enqueue(tenantId, [hubject], {
          objectKey: sessionObjectKey(session.id),
          kind: OICP_SESSION_ERROR,
          payload,
        });
      },
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
