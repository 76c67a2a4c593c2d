import { parseArgs } from 'node:util';
import { OcppVersion, SimulationMode, SimulatorOptions } from './simulator-options';

export const USAGE = `Usage: npm run simulate -- [options]
  --stations N        simulated stations (default 1)
  --ocpp V            1.6 | 2.0.1 (OCPP-J, WebSocket) | 1.6-soap (OCPP-S, SOAP) (default 1.6)
  --url URL           OCPP-J: CSMS endpoint without the station id (default ws://localhost:3000/ocpp/default)
                      OCPP-S: CentralSystemService URL (default http://localhost:3000/ocpp/soap/default/1.6)
  --soap-host H       OCPP-S: address each station's ChargePointService listens on and announces in
                      WS-Addressing From (default 127.0.0.1)
  --connectors N      connectors per station (default 2)
  --interval S        seconds between meter values (default 10)
  --mode M            demo | load | storm | offline | manual (default demo; manual: no session
                      unless the CSMS starts one)
  --duration S        stop after S seconds (default: run until Ctrl-C)
  --speed X           simulated seconds per real second for charging (default 1; 60 shows a session in minutes)
  --id-prefix P       station id prefix (default SIM)
  --tag T             idTag used to authorize sessions (default SIM-TAG)
  --password P        HTTP Basic password (security profile 1)
  --connect-rate N    stations connected per second (default 100)
  --idle S            seconds a connector stays free between sessions (default 5)
  --storm-every S     storm mode: seconds between reconnect storms (default 30)
  --offline-every S   offline mode: seconds online between outages (default 30)
  --offline-for S     offline mode: outage length in seconds (default 15)
  --reboot-delay S    seconds a station stays down on reset (default 2)
  --seed N            random seed for EV models (default 1)
  --phase-switching   stations can move a single-phase car to another phase (2.0.1 phaseToUse)
  --dc-kw N           stations are DC chargers of N kW (cars charge along their DC curves); default
                      AC, 32 A on three phases
  --cars C            catalog | generic: the car catalog's cars (Open EV Data: AC power and phases, DC
                      curves) or five generic 11/22 kW three-phase cars (default catalog)
  --plain             plain progress lines even on a terminal
  --quiet             no progress output, summary only
  --help              this text`;

export class ArgsError extends Error {}

const MODES: readonly SimulationMode[] = ['demo', 'load', 'storm', 'offline', 'manual'];
const VERSIONS: readonly OcppVersion[] = ['1.6', '2.0.1', '1.6-soap'];

export type ParsedArgs = { help: true } | { help: false; options: SimulatorOptions };

/** Parses the command line (without node and script); throws ArgsError with a readable message. */
export function parseSimulatorArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    const stringOption = { type: 'string' } as const;
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        stations: stringOption,
        ocpp: stringOption,
        url: stringOption,
        'soap-host': stringOption,
        connectors: stringOption,
        interval: stringOption,
        mode: stringOption,
        duration: stringOption,
        speed: stringOption,
        'id-prefix': stringOption,
        tag: stringOption,
        password: stringOption,
        'connect-rate': stringOption,
        idle: stringOption,
        'storm-every': stringOption,
        'offline-every': stringOption,
        'offline-for': stringOption,
        'reboot-delay': stringOption,
        seed: stringOption,
        plain: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'phase-switching': { type: 'boolean' },
        'dc-kw': stringOption,
        cars: stringOption,
      },
    }));
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };

  const ocpp = text('ocpp') ?? '1.6';
  if (!VERSIONS.includes(ocpp as OcppVersion))
    throw new ArgsError(`--ocpp must be one of ${VERSIONS.join(', ')}`);
  const mode = text('mode') ?? 'demo';
  if (!MODES.includes(mode as SimulationMode))
    throw new ArgsError(`--mode must be one of ${MODES.join(', ')}`);
  const soap = ocpp === '1.6-soap';
  const url =
    text('url') ??
    (soap ? 'http://localhost:3000/ocpp/soap/default/1.6' : 'ws://localhost:3000/ocpp/default');
  if (soap && !/^https?:\/\/[^/]+/.test(url))
    throw new ArgsError('--url must be an http:// or https:// URL for OCPP-S');
  if (!soap && !/^wss?:\/\/[^/]+/.test(url)) throw new ArgsError('--url must be a ws:// or wss:// URL');
  const soapHost = text('soap-host') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(soapHost))
    throw new ArgsError('--soap-host must be a host name or IPv4 address');
  const idPrefix = text('id-prefix') ?? 'SIM';
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(idPrefix))
    throw new ArgsError('--id-prefix: letters, digits, _ . - only');
  const tag = text('tag') ?? 'SIM-TAG';
  if (tag.length < 1 || tag.length > 20) throw new ArgsError('--tag must be 1 to 20 characters (OCPP idTag)');

  const cars = text('cars') ?? 'catalog';
  if (cars !== 'catalog' && cars !== 'generic') throw new ArgsError('--cars must be catalog or generic');

  return {
    help: false,
    options: {
      stations: integer(text('stations'), 'stations', 1, 1, 100_000),
      ocpp: ocpp as OcppVersion,
      url: url.replace(/\/+$/, ''),
      soapHost,
      connectors: integer(text('connectors'), 'connectors', 2, 1, 32),
      interval: decimal(text('interval'), 'interval', 10, 0.05),
      mode: mode as SimulationMode,
      duration: text('duration') === undefined ? undefined : decimal(text('duration'), 'duration', 0, 0.1),
      speed: decimal(text('speed'), 'speed', 1, 0.001),
      idPrefix,
      tag,
      password: text('password'),
      connectRate: decimal(text('connect-rate'), 'connect-rate', 100, 0.1),
      idle: decimal(text('idle'), 'idle', 5, 0),
      stormEvery: decimal(text('storm-every'), 'storm-every', 30, 1),
      offlineEvery: decimal(text('offline-every'), 'offline-every', 30, 1),
      offlineFor: decimal(text('offline-for'), 'offline-for', 15, 0.1),
      rebootDelay: decimal(text('reboot-delay'), 'reboot-delay', 2, 0),
      seed: integer(text('seed'), 'seed', 1, 0, 2 ** 31),
      progress: values.quiet ? false : values.plain ? 'plain' : 'auto',
      phaseSwitching: values['phase-switching'] === true,
      dcKw: text('dc-kw') === undefined ? undefined : decimal(text('dc-kw'), 'dc-kw', 0, 1),
      cars,
    },
  };
}

function decimal(raw: string | undefined, name: string, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new ArgsError(`--${name} must be a number, got "${raw}"`);
  if (value < min) throw new ArgsError(`--${name} must be at least ${min}`);
  return value;
}

function integer(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  const value = decimal(raw, name, fallback, min);
  if (!Number.isInteger(value) || value > max)
    throw new ArgsError(`--${name} must be an integer from ${min} to ${max}`);
  return value;
}
