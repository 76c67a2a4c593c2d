import { SOAP_VERSIONS } from '../soap-versions';
import { parseXml } from '../xml/xml-element';
import { decodeElement, encodeElement, SchemaViolation } from './xsd-codec';
import { XsdSchema } from './xsd-schema';

const CS15 = SOAP_VERSIONS['1.5'];
const CS16 = SOAP_VERSIONS['1.6'];

describe('XSD codec over the project WSDLs', () => {
  const cs15 = XsdSchema.fromWsdl(CS15.centralSystemWsdl);
  const cs16 = XsdSchema.fromWsdl(CS16.centralSystemWsdl);

  it('loads all four WSDLs', () => {
    for (const spec of [CS15, CS16]) {
      expect(XsdSchema.fromWsdl(spec.chargePointWsdl).element('resetRequest')).toBeDefined();
    }
    expect(cs16.element('bootNotificationRequest')).toBeDefined();
  });

  it('reads 1.5 meter values: text plus attributes, repeatable elements as arrays, dateTimes as UTC', () => {
    const ns = CS15.centralSystemNamespace;
    const xml =
      `<meterValuesRequest xmlns="${ns}"><connectorId>2</connectorId><values>` +
      '<timestamp>2026-01-01T10:00:00</timestamp>' +
      '<value measurand="Energy.Active.Import.Register" unit="Wh">1500</value></values></meterValuesRequest>';
    const decoded = decodeElement(parseXml(xml), cs15.element('meterValuesRequest')!, ns, '');
    expect(decoded).toEqual({
      connectorId: 2,
      values: [
        {
          timestamp: '2026-01-01T10:00:00.000Z',
          value: [{ value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
        },
      ],
    });
  });

  it('refuses out-of-range ints and bad attribute values with the path', () => {
    const ns = CS15.centralSystemNamespace;
    const decode = (xml: string) => () =>
      decodeElement(parseXml(xml), cs15.element('meterValuesRequest')!, ns, '');
    expect(
      decode(`<meterValuesRequest xmlns="${ns}"><connectorId>99999999999</connectorId></meterValuesRequest>`),
    ).toThrow(new SchemaViolation('connectorId: "99999999999" is not an xs:int'));
    expect(
      decode(
        `<meterValuesRequest xmlns="${ns}"><connectorId>1</connectorId><values><timestamp>2026-01-01T10:00:00Z</timestamp>` +
          '<value unit="Parsecs">1</value></values></meterValuesRequest>',
      ),
    ).toThrow(/^values\[0\]\.value\[0\]@unit: "Parsecs" is not one of /);
  });

  it('writes elements in schema order, whatever the order of the object keys', () => {
    const ns = CS16.centralSystemNamespace;
    const xml = encodeElement(
      'bootNotificationResponse',
      cs16.element('bootNotificationResponse')!,
      { interval: 300, currentTime: new Date('2026-01-01T00:00:00Z'), status: 'Accepted' },
      ns,
    );
    expect(xml).toBe(
      `<bootNotificationResponse xmlns="${ns}"><status>Accepted</status>` +
        '<currentTime>2026-01-01T00:00:00.000Z</currentTime><interval>300</interval></bootNotificationResponse>',
    );
  });
});
