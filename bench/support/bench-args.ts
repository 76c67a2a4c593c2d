/** Command-line options of the meter-value benchmark: `--stations 500 --seconds 20 --warmup 3`. */
export interface MeterValuesBenchArgs {
  stations: number;
  seconds: number;
  warmupSeconds: number;
  /** Skip the CSMS (develop the load generator against the baseline only). */
  baselineOnly: boolean;
  /** Do not append a row to docs/benchmarks.md. */
  noRecord: boolean;
  /** Write a V8 CPU profile of the CSMS into this directory (`node --cpu-prof`), for Chrome DevTools. */
  cpuProfileDir: string | undefined;
}

const DEFAULTS: MeterValuesBenchArgs = {
  stations: 500,
  seconds: 20,
  warmupSeconds: 3,
  baselineOnly: false,
  noRecord: false,
  cpuProfileDir: undefined,
};

const LIMITS = { stations: [1, 5000], seconds: [1, 300], warmupSeconds: [0, 60] } as const;

export function parseBenchArgs(argv: readonly string[]): MeterValuesBenchArgs {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const numeric = (key: keyof typeof LIMITS): void => {
      const value = Number(argv[++i]);
      const [min, max] = LIMITS[key];
      if (!Number.isFinite(value) || value < min || value > max) {
        throw new Error(`${flag} must be a number between ${min} and ${max}`);
      }
      args[key] = value;
    };
    switch (flag) {
      case '--stations':
        numeric('stations');
        args.stations = Math.floor(args.stations);
        break;
      case '--seconds':
        numeric('seconds');
        break;
      case '--warmup':
        numeric('warmupSeconds');
        break;
      case '--baseline-only':
        args.baselineOnly = true;
        break;
      case '--no-record':
        args.noRecord = true;
        break;
      case '--cpu-prof':
        args.cpuProfileDir = argv[++i];
        if (!args.cpuProfileDir) throw new Error('--cpu-prof needs a directory');
        break;
      default:
        throw new Error(
          `unknown option ${flag} (--stations N, --seconds S, --warmup S, --baseline-only, --no-record, ` +
            '--cpu-prof DIR)',
        );
    }
  }
  return args;
}
