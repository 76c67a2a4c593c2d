import fc from 'fast-check';
import { OCA } from '../ocpp-soap/support/soap-test-station';
import { rawEnvelope, SOAP11, SOAP12 } from '../ocpp-soap/support/soap-envelopes';
import { startTestApp, TestApp } from '../support/test-app';
import {
  fuzzParameters,
  FUZZ_TIMEOUT_MS,
  HEAP_GROWTH_LIMIT,
  heapGrowthSince,
  heapUsedAfterGc,
} from './support/fuzz-budget';
import { UNICODE_EDGES } from './support/hostile-values';

const CS16 = OCA['1.6'].csNamespace;
const NOW = '2026-01-01T00:00:00Z';

/** Requests of a 1.6 SOAP station, as element lists: the seeds the fuzzer mutates. */
const REQUESTS: Record<string, [string, [string, string][]]> = {
  BootNotification: [
    'bootNotificationRequest',
    [
      ['chargePointVendor', 'Fuzz'],
      ['chargePointModel', 'F1'],
    ],
  ],
  Heartbeat: ['heartbeatRequest', []],
  Authorize: ['authorizeRequest', [['idTag', 'FUZZ-TAG']]],
  StatusNotification: [
    'statusNotificationRequest',
    [
      ['connectorId', '1'],
      ['status', 'Available'],
      ['errorCode', 'NoError'],
    ],
  ],
  StartTransaction: [
    'startTransactionRequest',
    [
      ['connectorId', '1'],
      ['idTag', 'FUZZ-TAG'],
      ['timestamp', NOW],
      ['meterStart', '0'],
    ],
  ],
  StopTransaction: [
    'stopTransactionRequest',
    [
      ['transactionId', '1'],
      ['timestamp', NOW],
      ['meterStop', '10'],
    ],
  ],
  DataTransfer: [
    'dataTransferRequest',
    [
      ['vendorId', 'fuzz'],
      ['data', 'd'],
    ],
  ],
};

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const hostileText = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('-1', '2147483648', '1e9', 'NaN', '0x10', ' 1 ', '9999-99-99T99:99:99Z', ''),
);

interface SoapRequest {
  kind: string;
  body: string;
  contentType?: string;
}

function envelope(action: string, body: string, soapNamespace = SOAP12): string {
  return rawEnvelope({
    chargeBoxIdentity: 'SOAP-FUZZ',
    namespace: CS16,
    action: `/${action}`,
    body,
    soapNamespace,
  });
}

const requests: fc.Arbitrary<SoapRequest> = (() => {
  const actions = Object.keys(REQUESTS);
  const mutated = fc
    .tuple(
      fc.constantFrom(...actions),
      fc.nat(),
      fc.constantFrom('replace', 'remove', 'add', 'repeat'),
      hostileText,
      fc.boolean(),
    )
    .map(([action, at, how, value, soap11]) => {
      const [element, fields] = REQUESTS[action];
      const list = [...fields];
      const index = list.length ? at % list.length : 0;
      if (how === 'replace' && list.length) list[index] = [list[index][0], value];
      if (how === 'remove' && list.length) list.splice(index, 1);
      if (how === 'add') list.push([`x${at % 7}`, value]);
      if (how === 'repeat' && list.length) list.push(list[index]);
      const inner = list.map(([name, text]) => `<cs:${name}>${escape(text)}</cs:${name}>`).join('');
      return {
        kind: `${action} (${how})`,
        body: envelope(
          action,
          `<cs:${element} xmlns:cs="${CS16}">${inner}</cs:${element}>`,
          soap11 ? SOAP11 : SOAP12,
        ),
        contentType: soap11 ? 'text/xml; charset=utf-8' : undefined,
      };
    });
  const valid = envelope('Heartbeat', `<cs:heartbeatRequest xmlns:cs="${CS16}"/>`);
  const broken = fc
    .tuple(fc.nat(valid.length - 1), fc.string({ unit: 'binary', maxLength: 3 }))
    .map(([at, inserted]) => ({
      kind: 'broken XML',
      body: valid.slice(0, at) + inserted + valid.slice(at + 1),
    }));
  const deep = fc.integer({ min: 10, max: 50_000 }).map((depth) => ({
    kind: 'deeply nested',
    body: envelope(
      'DataTransfer',
      `<cs:dataTransferRequest xmlns:cs="${CS16}"><cs:vendorId>v</cs:vendorId><cs:data>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</cs:data></cs:dataTransferRequest>`,
    ),
  }));
  const entities = fc.constantFrom(
    // Billion laughs: entities expanding exponentially.
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>` +
      envelope(
        'DataTransfer',
        `<cs:dataTransferRequest xmlns:cs="${CS16}"><cs:vendorId>&lol4;</cs:vendorId></cs:dataTransferRequest>`,
      ).replace(/^<\?xml[^>]*\?>/, ''),
    // An external entity reading a local file.
    `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
      envelope(
        'DataTransfer',
        `<cs:dataTransferRequest xmlns:cs="${CS16}"><cs:vendorId>&xxe;</cs:vendorId></cs:dataTransferRequest>`,
      ).replace(/^<\?xml[^>]*\?>/, ''),
  );
  const huge = fc.integer({ min: 10_000, max: 1_500_000 }).map((size) => ({
    kind: 'huge',
    body: envelope(
      'DataTransfer',
      `<cs:dataTransferRequest xmlns:cs="${CS16}"><cs:vendorId>v</cs:vendorId><cs:data>${'x'.repeat(size)}</cs:data></cs:dataTransferRequest>`,
    ),
  }));
  return fc.oneof(
    { arbitrary: mutated, weight: 6 },
    { arbitrary: broken, weight: 2 },
    {
      arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((body) => ({ kind: 'text', body })),
      weight: 1,
    },
    { arbitrary: deep, weight: 1 },
    { arbitrary: entities.map((body) => ({ kind: 'entities', body })), weight: 1 },
    { arbitrary: huge, weight: 1 },
  );
})();

describe('Hostile OCPP-S envelopes never take the server down (property-based, fast-check)', () => {
  let app: TestApp;
  let url: string;
  let heapBefore: number;

  beforeAll(async () => {
    app = await startTestApp('soap-fuzz');
    url = `${app.httpUrl}/ocpp/soap/default/1.6`;
    heapBefore = heapUsedAfterGc();
  });
  afterAll(() => app?.close());

  it(
    'answers every request with a SOAP answer or a Fault (413 beyond the body limit), never a crash',
    async () => {
      const kinds = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          const kind = request.kind.replace(/ \(.*/, '');
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': request.contentType ?? 'application/soap+xml; charset=utf-8' },
            body: request.body,
          });
          const text = await response.text();
          if (Buffer.byteLength(request.body) > 1024 * 1024) {
            expect(response.status).toBe(413);
            return;
          }
          expect([200, 400, 500]).toContain(response.status);
          expect(text).toMatch(/^<\?xml[^>]*\?>\s*<(soap|s|env|soapenv):Envelope/);
          if (response.status !== 200) expect(text).toMatch(/:Fault>/);
          // Nothing of the local file an external entity names, no entity expanded a thousandfold.
          expect(text).not.toMatch(/root:.*:0:0:/);
          expect(text).not.toContain('lollollollollollol');
        }),
        fuzzParameters('OCPP-S envelopes', 120),
      );
      console.log(`SOAP requests by kind ${JSON.stringify(Object.fromEntries(kinds))}`);
      const heartbeat = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
        body: envelope('Heartbeat', `<cs:heartbeatRequest xmlns:cs="${CS16}"/>`),
      });
      expect(heartbeat.status).toBe(200);
      expect(await heartbeat.text()).toContain('currentTime');
    },
    FUZZ_TIMEOUT_MS,
  );

  it('holds no more memory after the fuzzing than before it', () => {
    expect(heapGrowthSince(heapBefore, 'the OCPP-S fuzzing')).toBeLessThan(HEAP_GROWTH_LIMIT);
  });
});
