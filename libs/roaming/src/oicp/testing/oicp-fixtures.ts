import { RoamingEvse } from '../../locations/roaming-location';
import { OicpConnection } from '../settings/oicp-connection';

/** Fixtures of the OICP unit specs: a connection and an EVSE (one Type 2 socket, 22 kW). */
export const FIXTURE_TIME = new Date('2026-12-06T10:00:00Z');

export function fixtureConnection(extra: Partial<OicpConnection> = {}): OicpConnection {
  return {
    partnerId: 'p1',
    operatorId: 'DE*VGC',
    operatorName: 'Voltgrid',
    hotlinePhoneNumber: '+4930123456',
    baseUrl: 'http://127.0.0.1:1/api/oicp',
    dynamicPricing: false,
    ...extra,
  };
}

export function fixtureEvse(
  stationId: string,
  status: RoamingEvse['status'] = 'AVAILABLE',
  tariffIds: string[] = [],
): RoamingEvse {
  return {
    uid: `${stationId}*1`,
    stationId,
    connectorId: 1,
    status,
    capabilities: [],
    connectors: [
      {
        id: '1',
        standard: 'IEC_62196_T2',
        format: 'SOCKET',
        powerType: 'AC_3_PHASE',
        maxVoltage: 230,
        maxAmperage: 32,
        tariffIds,
        lastUpdated: FIXTURE_TIME,
      },
    ],
    lastUpdated: FIXTURE_TIME,
  };
}
