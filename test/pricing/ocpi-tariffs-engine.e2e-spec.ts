import { MeterPoint, Rational, fromOcpiTariff, priceSession, toOcpiCdrPricing } from '@csms/pricing';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TOOLS_DIR } from '../support/test-tools';

/**
 * Our engine against an independent one: every tariff × session of the corpus (test/fixtures/ocpi-tariffs)
 * is priced by libs/pricing, turned into an OCPI CDR (its charging periods are our cut of the session),
 * and priced again by the ocpi-tariffs CLI (crate ocpi-tariffs-cli, built by npm ci). The totals must be
 * equal to the 4 decimals OCPI numbers carry.
 */

interface SessionFixture {
  timeZone: string;
  startedAt: string;
  points: { afterMinutes: number; cumulatedWh: number }[];
}

interface CaseFixture {
  name: string;
  tariff: string | object;
  session: string | SessionFixture;
  specDeviation?: { expectedExclVat: string; paragraph: string };
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ocpi-tariffs');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
const tariffs = read<Record<string, object>>('tariffs.json');
const sessions = read<Record<string, SessionFixture>>('sessions.json');
const cases = [...read<CaseFixture[]>('cases.json'), ...read<CaseFixture[]>('generated-cases.json')];
const ENGINE = path.join(TOOLS_DIR, 'bin', 'ocpi-tariffs');

function meterPoints(session: SessionFixture): MeterPoint[] {
  const start = new Date(session.startedAt).getTime();
  return session.points.map((point) => ({
    timestamp: new Date(start + point.afterMinutes * 60_000),
    // As stored: the curve keeps Wh to 3 decimals.
    cumulatedWh: Math.round(point.cumulatedWh * 1000) / 1000,
  }));
}

/** The parts of a CDR the engine needs besides the priced ones. */
function cdrOf(pricing: ReturnType<typeof toOcpiCdrPricing>, id: string): object {
  return {
    country_code: 'DE',
    party_id: 'VGC',
    id,
    cdr_token: { uid: 'TAG', type: 'RFID', contract_id: 'DE-VGC-C1' },
    auth_method: 'WHITELIST',
    cdr_location: {
      id: 'LOC1',
      address: 'Street 1',
      city: 'City',
      country: 'DEU',
      coordinates: { latitude: '52.0', longitude: '13.0' },
      evse_uid: 'EVSE1',
      evse_id: 'DE*VGC*E1',
      connector_id: '1',
      connector_standard: 'IEC_62196_T2',
      connector_format: 'SOCKET',
      connector_power_type: 'AC_3_PHASE',
    },
    ...pricing,
    last_updated: pricing.end_date_time,
  };
}

/** The engine's "Total Cost (Excl.)" and "(Incl.)" report lines, as decimals. */
function engineTotals(stdout: string): { exclVat: string; inclVat: string } {
  const value = (label: string): string => {
    const line = stdout.split('\n').find((candidate) => candidate.includes(label));
    if (!line) throw new Error(`No "${label}" in the engine's report:\n${stdout}`);
    const text = line.split('|')[2].replace(/[^0-9.-]/g, '');
    return Rational.parse(text || '0').toFixed(4);
  };
  return { exclVat: value('Total Cost (Excl.)'), inclVat: value('Total Cost (Incl.)') };
}

describe('our engine agrees with the independent ocpi-tariffs engine', () => {
  let workDir: string;

  beforeAll(() => {
    if (!fs.existsSync(ENGINE)) {
      throw new Error(
        `${ENGINE} is missing: it is built by \`npm ci\` (scripts/install-test-tools.js, needs cargo)`,
      );
    }
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-tariffs-'));
  });

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it(`has a corpus of at least 50 tariff × session cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases.map((fixture, index) => [fixture.name, fixture, index] as const))(
    '%s',
    (_name, fixture, index) => {
      const ocpiTariff = typeof fixture.tariff === 'string' ? tariffs[fixture.tariff] : fixture.tariff;
      const session = typeof fixture.session === 'string' ? sessions[fixture.session] : fixture.session;
      const tariff = fromOcpiTariff(ocpiTariff);
      const priced = priceSession(tariff, {
        timeZone: session.timeZone,
        startedAt: new Date(session.startedAt),
        points: meterPoints(session),
      });
      const ours = {
        exclVat: priced.quote.exact.exclVat.round(4, 'even').toFixed(4),
        inclVat: priced.quote.exact.inclVat.round(4, 'even').toFixed(4),
      };
      const tariffFile = path.join(workDir, `tariff-${index}.json`);
      const cdrFile = path.join(workDir, `cdr-${index}.json`);
      fs.writeFileSync(tariffFile, JSON.stringify(ocpiTariff));
      fs.writeFileSync(
        cdrFile,
        JSON.stringify(cdrOf(toOcpiCdrPricing(priced, { tariffId: tariff.ocpiId }), `CDR${index}`)),
      );
      const stdout = execFileSync(
        ENGINE,
        ['price', '-c', cdrFile, '-t', tariffFile, '-z', session.timeZone, '-o', 'v221'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const theirs = engineTotals(stdout);
      if (fixture.specDeviation) {
        // We follow the spec where the reference engine reads it otherwise (the paragraph is in the fixture).
        expect(priced.quote.total.exclVat.toFixed(2)).toBe(fixture.specDeviation.expectedExclVat);
        expect({ paragraph: fixture.specDeviation.paragraph, theirs }).not.toEqual({
          paragraph: fixture.specDeviation.paragraph,
          theirs: ours,
        });
        return;
      }
      expect(ours).toEqual(theirs);
    },
  );
});
