import { PATH_METADATA } from '@nestjs/common/constants';
import { RoamingLocation } from '../../locations/roaming-location';
import { RoamingSession } from '../../sessions/roaming-session';
import { evseDataRecord, oicpChargingPoolId, oicpEvseId } from '../outbox/oicp-evse-records';
import {
  authorizeStop,
  chargeDetailRecord,
  endNotification,
  progressNotification,
  startNotification,
} from '../outbox/oicp-session-messages';
import { acknowledgement } from '../server/oicp-acknowledgement';
import { OicpRemoteController } from '../server/oicp-remote.controller';
import { FIXTURE_TIME, fixtureConnection, fixtureEvse } from '../testing/oicp-fixtures';
import { OicpOpenApi, OicpSchemaViolation } from './oicp-openapi';

const api = OicpOpenApi.get();
const connection = fixtureConnection();
const at = FIXTURE_TIME;
const location: RoamingLocation = {
  id: 'site-1',
  published: true,
  problems: [],
  name: 'Marktplatz',
  address: 'Marktplatz 1',
  city: 'Berlin',
  postalCode: '10178',
  country: 'DEU',
  latitude: 52.520008,
  longitude: 13.404954,
  timeZone: 'Europe/Berlin',
  openingHours: {
    twentyfourseven: false,
    regularHours: [{ weekday: 1, periodBegin: '08:00', periodEnd: '20:00' }],
  },
  evses: [fixtureEvse('CS-1')],
  lastUpdated: at,
};
const session: RoamingSession = {
  id: 'tx-1',
  partnerId: 'p1',
  token: {
    countryCode: 'DE',
    partyId: 'DCB',
    uid: '04A2B3C4D5E6F7',
    type: 'RFID',
    contractId: '04A2B3C4D5E6F7',
  },
  authMethod: 'AUTH_REQUEST',
  authorizationReference: '00000001-0000-4000-8000-000000000001',
  location,
  evseUid: 'CS-1*1',
  connectorId: '1',
  stationId: 'CS-1',
  startedAt: at,
  endedAt: new Date(at.getTime() + 1_800_000),
  kwh: 12,
  status: 'COMPLETED',
  currency: 'EUR',
  chargingPeriods: [],
  lastUpdated: at,
};

describe('the OICP 2.3 CPO OpenAPI', () => {
  it('names its operations and their paths, the ones our server routes use', () => {
    expect(api.operation('PushEvseData').path).toBe('/evsepush/v23/operators/{operatorID}/data-records');
    expect(api.operation('ChargingNotifications').requestSchemas).toHaveLength(4);
    const routeOf = (handler: object) =>
      `/${String(Reflect.getMetadata(PATH_METADATA, handler))}`.replace(':providerID', '{providerID}');
    expect(routeOf(OicpRemoteController.prototype.start)).toBe(api.operation('AuthorizeRemoteStart').path);
    expect(routeOf(OicpRemoteController.prototype.stop)).toBe(api.operation('AuthorizeRemoteStop').path);
  });

  it('accepts every message we send and every answer we give', () => {
    const record = evseDataRecord(connection, location, location.evses[0]);
    expect(record).toMatchObject({
      EvseID: 'DE*VGC*ECS1*1',
      ChargingPoolID: 'DE*VGC*PSITE1',
      ChargingFacilities: [{ PowerType: 'AC_3_PHASE', Power: 22, Voltage: 230, Amperage: 32 }],
      OpeningTimes: [{ Period: [{ begin: '08:00', end: '20:00' }], on: 'Monday' }],
    });
    api.checkRequest('PushEvseData', {
      ActionType: 'update',
      OperatorEvseData: { OperatorID: 'DE*VGC', OperatorName: 'Voltgrid', EvseDataRecord: [record] },
    });
    api.checkRequest('ChargingNotifications', startNotification(connection, session));
    api.checkRequest('ChargingNotifications', progressNotification(connection, session, 6, at));
    api.checkRequest('ChargingNotifications', endNotification(connection, session));
    api.checkRequest('AuthorizeStop', authorizeStop(connection, session));
    api.checkRequest(
      'ChargeDetailRecord',
      chargeDetailRecord(connection, {
        id: 'tx-1',
        partnerId: 'p1',
        session,
        pricing: {} as never,
        lastUpdated: at,
      }),
    );
    api.checkResponse(
      'AuthorizeRemoteStart',
      acknowledgement('SUCCESS', undefined, { SessionID: session.authorizationReference }),
    );
    api.checkResponse('AuthorizeRemoteStop', acknowledgement('DATA_ERROR', 'why'));
  });

  it('refuses what breaks it, naming the field', () => {
    expect(() =>
      api.checkRequest('AuthorizeStart', { OperatorID: 'DE*VGC', Identification: {}, EvseID: 'nope' }),
    ).toThrow(/\/EvseID must match/);
    expect(() =>
      api.checkRequest('ChargingNotifications', { ...startNotification(connection, session), Type: 'Later' }),
    ).toThrow(OicpSchemaViolation);
    // A Progress without EventOccurred is not a valid Progress, whatever else it would pass as.
    const { EventOccurred: _omitted, ...progress } = progressNotification(connection, session, 6, at);
    expect(() => api.checkRequest('ChargingNotifications', progress)).toThrow(/EventOccurred/);
  });

  it('builds EVSE and pool ids in eMI3 form within OICP’s lengths', () => {
    expect(oicpEvseId('DEVGC', 'station-with-a-very-long-identifier-0001', 12)).toMatch(
      /^DE\*VGC\*E[A-Z0-9]{1,27}\*12$/,
    );
    expect(oicpChargingPoolId('DE*VGC', 'a1-b2')).toBe('DE*VGC*PA1B2');
    // The pool is the station's site area; the site only for a station outside any area.
    expect(
      evseDataRecord(connection, location, { ...location.evses[0], siteAreaId: 'area-9' }),
    ).toMatchObject({
      ChargingPoolID: 'DE*VGC*PAREA9',
    });
  });
});
