import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The Node flags `npm run start:prod` gives the server, read from package.json so that the benchmarks
 * run the server as production does, and a test checks that this Node accepts them.
 *
 * --max-semi-space-size=64 (MB): a station call's objects live about as long as its database write.
 * With V8's default young generation, under 500 stations a scavenge came 6 times a second and promoted
 * much of what was in flight; with 64 MB, 2.4 times a second, the pauses went from 7.7 to 2.7 % of the
 * time and the server's CPU per MeterValues fell by a sixth, at the same peak memory (docs/benchmarks.md,
 * 2026-12-07 afternoon). The young generation grows to it only under load.
 */
export function productionNodeFlags(): string[] {
  const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [, ...words] = packageJson.scripts['start:prod'].split(/\s+/);
  return words.filter((word) => word.startsWith('--'));
}
