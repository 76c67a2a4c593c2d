import { decodeElement, encodeElement, ShapeViolation } from './soap-codec';
import { buildEnvelope, faultBody, faultReason, parseEnvelope, WSA } from './soap-envelope';
import { wsdlFile, WsdlShapes } from './wsdl-shapes';
import { parseXml } from './xml-document';

const centralSystem = WsdlShapes.read(wsdlFile('ocpp-central-system-1.6.wsdl'));
const chargePoint = WsdlShapes.read(wsdlFile('ocpp-charge-point-1.6.wsdl'));
const CS = 'urn://Ocpp/Cs/2015/10/';
const CP = 'urn://Ocpp/Cp/2015/10/';

describe('OCPP-S 1.6 codec of the simulator', () => {
  it('writes a JSON-shaped payload in the WSDL order, lists as repeated elements', () => {
    const xml = encodeElement(
      'meterValuesRequest',
      centralSystem.element('meterValuesRequest')!,
      {
        meterValue: [
          {
            sampledValue: [
              { unit: 'Wh', value: '1500', measurand: 'Energy.Active.Import.Register' },
              { value: '7000', measurand: 'Power.Active.Import', unit: 'W' },
            ],
            timestamp: '2026-01-01T10:00:00.000Z',
          },
        ],
        transactionId: 7,
        connectorId: 1,
      },
      CS,
    );
    expect(xml).toBe(
      `<meterValuesRequest xmlns="${CS}"><connectorId>1</connectorId><transactionId>7</transactionId>` +
        '<meterValue><timestamp>2026-01-01T10:00:00.000Z</timestamp>' +
        '<sampledValue><value>1500</value><measurand>Energy.Active.Import.Register</measurand><unit>Wh</unit></sampledValue>' +
        '<sampledValue><value>7000</value><measurand>Power.Active.Import</measurand><unit>W</unit></sampledValue>' +
        '</meterValue></meterValuesRequest>',
    );
  });

  it('refuses what the WSDL does not have: unknown fields, missing required ones, wrong kinds', () => {
    const boot = centralSystem.element('bootNotificationRequest')!;
    expect(() =>
      encodeElement('b', boot, { chargePointVendor: 'V', chargePointModel: 'M', colour: 'red' }),
    ).toThrow(ShapeViolation);
    expect(() => encodeElement('b', boot, { chargePointVendor: 'V' })).toThrow(
      'b.chargePointModel is required',
    );
    const status = centralSystem.element('statusNotificationRequest')!;
    expect(() =>
      encodeElement('s', status, { connectorId: 1.5, status: 'Available', errorCode: 'NoError' }),
    ).toThrow('s.connectorId: 1.5 is not an int');
  });

  it('reads a call as the JSON edge sees it: numbers, booleans, one-item lists stay lists', () => {
    const request = parseXml(
      `<getConfigurationRequest xmlns="${CP}"><key> HeartbeatInterval </key></getConfigurationRequest>`,
    );
    expect(decodeElement(request, chargePoint.element('getConfigurationRequest')!, CP)).toEqual({
      key: ['HeartbeatInterval'],
    });
    const profile = parseXml(
      `<setChargingProfileRequest xmlns="${CP}"><connectorId>1</connectorId><csChargingProfiles>` +
        '<chargingProfileId>4</chargingProfileId><stackLevel>0</stackLevel>' +
        '<chargingProfilePurpose>TxDefaultProfile</chargingProfilePurpose>' +
        '<chargingProfileKind>Absolute</chargingProfileKind><chargingSchedule>' +
        '<chargingRateUnit>W</chargingRateUnit><chargingSchedulePeriod><startPeriod>0</startPeriod>' +
        '<limit>7400.5</limit></chargingSchedulePeriod></chargingSchedule></csChargingProfiles>' +
        '</setChargingProfileRequest>',
    );
    expect(decodeElement(profile, chargePoint.element('setChargingProfileRequest')!, CP)).toEqual({
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 4,
        stackLevel: 0,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        chargingSchedule: {
          chargingRateUnit: 'W',
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 7400.5 }],
        },
      },
    });
  });

  it('refuses a call with an element of another namespace or a non-number where an int belongs', () => {
    const shape = chargePoint.element('remoteStopTransactionRequest')!;
    expect(() =>
      decodeElement(parseXml(`<r xmlns="${CP}"><transactionId>x1</transactionId></r>`), shape, CP),
    ).toThrow('"x1" is not an int');
    expect(() =>
      decodeElement(
        parseXml(`<r xmlns="${CP}"><transactionId xmlns="urn:other">1</transactionId></r>`),
        shape,
        CP,
      ),
    ).toThrow('unexpected element');
  });

  it('builds and reads envelopes with chargeBoxIdentity, WS-Addressing and Faults', () => {
    const xml = buildEnvelope(
      {
        namespace: CS,
        chargeBoxIdentity: 'CB-1 & co',
        addressing: {
          action: '/Heartbeat',
          messageId: 'urn:uuid:1',
          from: 'http://127.0.0.1:9/cp',
          to: 'http://x',
        },
      },
      `<heartbeatRequest xmlns="${CS}"/>`,
    );
    const parsed = parseEnvelope(xml);
    expect(parsed.addressing).toEqual({
      action: '/Heartbeat',
      messageId: 'urn:uuid:1',
      relatesTo: undefined,
      to: 'http://x',
      from: 'http://127.0.0.1:9/cp',
      replyTo: undefined,
    });
    expect(parsed.headers.find((header) => header.local === 'chargeBoxIdentity')?.text).toBe('CB-1 & co');
    expect(parsed.headers.filter((header) => header.uri === WSA)).toHaveLength(4);
    expect(parsed.body.local).toBe('heartbeatRequest');

    const fault = parseEnvelope(
      buildEnvelope(
        { namespace: CP, addressing: {} },
        faultBody({ code: 'Sender', subcode: 'NotImplemented', reason: 'no <such> thing' }, CP),
      ),
    );
    expect(faultReason(fault.body)).toBe('NotImplemented: no <such> thing');
    expect(() => parseEnvelope('<Envelope/>')).toThrow('not a SOAP 1.2 envelope');
  });
});
