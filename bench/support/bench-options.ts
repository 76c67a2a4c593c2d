export interface NumericOption {
  default: number;
  min: number;
  max: number;
  integer?: boolean;
}

export interface CommonOptions {
  /** Do not append a row to docs/benchmarks.md. */
  noRecord: boolean;
  /** Write a V8 CPU profile of the CSMS into this directory (`node --cpu-prof`), for Chrome DevTools. */
  cpuProfileDir: string | undefined;
}

/**
 * `--name value` options of a benchmark, checked against their bounds, `--switch` flags of its own,
 * plus `--no-record` and `--cpu-prof DIR`. Names are the flags without dashes (`stations` for
 * `--stations`).
 */
export function parseBenchOptions<Name extends string, Switch extends string = never>(
  argv: readonly string[],
  numeric: Record<Name, NumericOption>,
  switches: readonly Switch[] = [],
): Record<Name, number> & Record<Switch, boolean> & CommonOptions {
  const values = Object.fromEntries(
    Object.entries<NumericOption>(numeric).map(([name, option]) => [name, option.default]),
  ) as Record<Name, number>;
  const switched = Object.fromEntries(switches.map((name) => [name, false])) as Record<Switch, boolean>;
  const common: CommonOptions = { noRecord: false, cpuProfileDir: undefined };
  const usage = (): string =>
    [
      ...Object.keys(numeric).map((name) => `--${name} N`),
      ...switches.map((name) => `--${name}`),
      '--no-record',
      '--cpu-prof DIR',
    ].join(', ');
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--no-record') {
      common.noRecord = true;
      continue;
    }
    if (switches.some((name) => flag === `--${name}`)) {
      switched[flag.slice(2) as Switch] = true;
      continue;
    }
    if (flag === '--cpu-prof') {
      common.cpuProfileDir = argv[++i];
      if (!common.cpuProfileDir) throw new Error('--cpu-prof needs a directory');
      continue;
    }
    const name = flag.replace(/^--/, '') as Name;
    const option = flag.startsWith('--')
      ? (numeric as Record<string, NumericOption | undefined>)[name]
      : undefined;
    if (!option) throw new Error(`unknown option ${flag} (${usage()})`);
    const value = Number(argv[++i]);
    if (
      !Number.isFinite(value) ||
      value < option.min ||
      value > option.max ||
      (option.integer && !Number.isInteger(value))
    ) {
      throw new Error(
        `${flag} must be ${option.integer ? 'an integer' : 'a number'} from ${option.min} to ${option.max}`,
      );
    }
    values[name] = value;
  }
  return { ...values, ...switched, ...common };
}

/** Node options for the CSMS child: the CPU profile when asked for, and whatever else the benchmark needs. */
export function csmsNodeArgs(options: CommonOptions, extra: string[] = []): string[] {
  return [
    ...extra,
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
  ];
}
