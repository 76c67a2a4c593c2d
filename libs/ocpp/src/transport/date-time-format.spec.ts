import { createRequire } from 'node:module';
import { isDateTime } from './date-time-format';
import { createSchemaValidator } from './ocpp-validation';

/** The format ocpp-rpc's validator registers, from the ajv-formats it loads itself. */
function ocppRpcDateTime(): (text: string) => boolean {
  const fromOcppRpc = createRequire(require.resolve('ocpp-rpc'));
  const formats = fromOcppRpc('ajv-formats/dist/formats') as {
    fullFormats: Record<string, { validate: (text: string) => boolean }>;
  };
  return formats.fullFormats['date-time'].validate;
}

/** Deterministic, so that a failure can be replayed. */
function* mutations(seeds: string[], count: number): Generator<string> {
  const alphabet = '0123456789tTzZ+-:. \n\u00a0\u2028xé';
  let state = 42;
  const next = (below: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
  for (let index = 0; index < count; index++) {
    const seed = seeds[next(seeds.length)];
    const at = next(seed.length + 1);
    const character = alphabet[next(alphabet.length)];
    const edit = next(3);
    if (edit === 0) yield seed.slice(0, at) + character + seed.slice(at + 1);
    else if (edit === 1) yield seed.slice(0, at) + character + seed.slice(at);
    else yield seed.slice(0, at) + seed.slice(at + 1);
  }
}

describe('the date-time format', () => {
  const reference = ocppRpcDateTime();
  const cases = [
    '2026-12-07T10:15:30Z',
    '2026-12-07T10:15:30.123Z',
    '2026-12-07t10:15:30z',
    '2026-12-07 10:15:30+01:00',
    '2026-12-07T10:15:30-0530',
    '2026-12-07T10:15:30+01',
    '2026-12-07T10:15:30',
    '2026-12-07T10:15:30+99:99',
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-13-10T00:00:00Z',
    '2026-12-00T00:00:00Z',
    '2026-12-31T23:59:60Z',
    '2026-12-31T22:59:60Z',
    '2026-12-31T24:00:00Z',
    '2026-12-31T23:60:00Z',
    '2026-12-31T23:59:59.Z',
    '2026-12-31TT23:59:59Z',
    '2026-12-31T23:59:59Z ',
    '2026-12-31T23:59:59Z\n',
    '2026-12-31\u00a023:59:59Z',
    '26-12-31T23:59:59Z',
    '2026-1-31T23:59:59Z',
    'noon',
    '',
  ];

  it.each(cases)('agrees with ocpp-rpc’s own format on %j', (text) => {
    expect(isDateTime(text)).toBe(reference(text));
  });

  it('agrees with it on thousands of near-misses of valid timestamps', () => {
    const disagreements = [...mutations(cases.slice(0, 10), 20_000)].filter(
      (text) => isDateTime(text) !== reference(text),
    );
    expect(disagreements).toEqual([]);
  });

  it('is the format the OCPP schemas check timestamps with', () => {
    const stop = { transactionId: 1, meterStop: 0, timestamp: '2026-12-07T10:15:30Z' };
    const seen: string[] = [];
    jest.isolateModules(() => {
      // A stand-in that refuses everything: only if the schemas call it is a valid stop refused.
      jest.doMock('./date-time-format', () => ({
        isDateTime: (text: string) => {
          seen.push(text);
          return false;
        },
      }));
      const { createSchemaValidator: withStandIn } =
        jest.requireActual<typeof import('./ocpp-validation')>('./ocpp-validation');
      expect(() => withStandIn('ocpp1.6').check('StopTransaction', 'req', stop)).toThrow(
        expect.objectContaining({ rpcErrorCode: 'TypeConstraintViolation' }),
      );
    });
    expect(seen).toContain(stop.timestamp);
    expect(createSchemaValidator('ocpp1.6').check('StopTransaction', 'req', stop)).toBe(true);
  });
});
