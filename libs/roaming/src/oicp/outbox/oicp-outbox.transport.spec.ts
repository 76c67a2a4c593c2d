import { TenantId } from '@csms/common';
import { TariffService } from '@csms/pricing';
import { RoamingLocation } from '../../locations/roaming-location';
import { RoamingLocationRepository } from '../../locations/roaming-location.repository';
import { OutboxMessage } from '../../outbox/outbox-message';
import { OutboxTransports } from '../../outbox/outbox-transport';
import { RoamingPartner } from '../../partners/roaming-partner';
import { RoamingSessionRepository } from '../../sessions/roaming-session.repository';
import { OicpClient } from '../client/oicp-client';
import { OicpSettingsService } from '../settings/oicp-settings.service';
import { OICP_STATUS_FULL_LOAD } from '../status/oicp-status-rounds';
import { FIXTURE_TIME, fixtureConnection, fixtureEvse } from '../testing/oicp-fixtures';
import { OicpOutboxTransport } from './oicp-outbox.transport';

const partner = { id: 'p1', tenantId: 'roams' as TenantId, protocol: 'OICP' } as RoamingPartner;
const statusRound = { kind: OICP_STATUS_FULL_LOAD, payload: {} } as OutboxMessage;

function locationWith(id: string, stationIds: string[]): RoamingLocation {
  return {
    id,
    published: true,
    problems: [],
    name: id,
    address: 'Marktplatz 1',
    city: 'Berlin',
    postalCode: '10178',
    country: 'DEU',
    latitude: 52.52,
    longitude: 13.4,
    timeZone: 'Europe/Berlin',
    openingHours: { twentyfourseven: true, regularHours: [] },
    evses: stationIds.map((stationId) => fixtureEvse(stationId)),
    lastUpdated: FIXTURE_TIME,
  };
}

/** The transport over the published locations given; the OICP calls it makes, each answered Success. */
function transportOver(published: RoamingLocation[]) {
  const calls: { operation: string; body: Record<string, unknown> }[] = [];
  const transport = new OicpOutboxTransport(
    {} as OutboxTransports,
    { connection: async () => fixtureConnection() } as unknown as OicpSettingsService,
    {
      call: async (
        _tenantId: TenantId,
        _connection: unknown,
        operation: string,
        body: Record<string, unknown>,
      ) => {
        calls.push({ operation, body });
        return { kind: 'answered', httpStatus: 200, body: { Result: true } };
      },
    } as unknown as OicpClient,
    {
      pagePublished: async (_tenantId: TenantId, window: { offset: number; limit: number }) => ({
        items: published.slice(window.offset, window.offset + window.limit),
        total: published.length,
      }),
    } as unknown as RoamingLocationRepository,
    {} as RoamingSessionRepository,
    {} as TariffService,
  );
  return { transport, calls };
}

describe('the periodic OICP status full load', () => {
  it('pushes the status of every published EVSE as one full load', async () => {
    const { transport, calls } = transportOver([
      locationWith('site-1', ['CS-1', 'CS-2']),
      locationWith('site-2', ['CS-3']),
    ]);
    expect(await transport.deliver(partner, statusRound)).toMatchObject({ outcome: 'delivered' });
    expect(calls).toEqual([
      {
        operation: 'PushEvseStatus',
        body: {
          ActionType: 'fullLoad',
          OperatorEvseStatus: {
            OperatorID: 'DE*VGC',
            OperatorName: 'Voltgrid',
            EvseStatusRecord: ['CS1', 'CS2', 'CS3'].map((station) => ({
              EvseID: `DE*VGC*E${station}*1`,
              EvseStatus: 'Available',
            })),
          },
        },
      },
    ]);
  });

  it('sends nothing while no EVSE is published: an empty full load would withdraw every status', async () => {
    const { transport, calls } = transportOver([]);
    expect(await transport.deliver(partner, statusRound)).toEqual({ outcome: 'delivered' });
    expect(calls).toEqual([]);
  });
});
