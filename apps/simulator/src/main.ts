import { ArgsError, parseSimulatorArgs, USAGE } from './cli/parse-args';
import { formatSummary } from './display/summary';
import { ProgressDisplay } from './display/progress-display';
import { startSimulation } from './simulation';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseSimulatorArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options } = parsed;
  process.stdout.write(
    `Simulating ${options.stations} OCPP ${options.ocpp} station(s) × ${options.connectors} connector(s) against ${options.url} ` +
      `(mode ${options.mode}, speed ×${options.speed}${options.duration ? `, ${options.duration} s` : ', Ctrl-C to stop'})\n`,
  );
  const simulation = startSimulation(options);
  const display =
    options.progress === false
      ? undefined
      : new ProgressDisplay(
          simulation.stats,
          options.stations,
          process.stdout,
          options.progress === 'auto' && process.stdout.isTTY === true,
        );
  display?.start();
  await new Promise<void>((resolve) => {
    const timer = options.duration ? setTimeout(resolve, options.duration * 1000) : undefined;
    const onSignal = (): void => {
      clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  display?.stop();
  process.stdout.write('Stopping: ending sessions and disconnecting…\n');
  await simulation.stop();
  process.stdout.write(`${formatSummary(simulation.stats, options)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
