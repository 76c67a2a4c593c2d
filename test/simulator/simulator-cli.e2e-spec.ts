import { spawn } from 'node:child_process';
import { MiniCsms } from './support/mini-csms';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI exactly as `npm run simulate` does (ts-node, transpile only). */
function runCli(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin'),
        '-r',
        'tsconfig-paths/register',
        '--transpile-only',
        'apps/simulator/src/main.ts',
        ...args,
      ],
      { cwd: `${__dirname}/../..`, env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('simulator CLI', () => {
  const csms = new MiniCsms();

  beforeAll(() => csms.listen());
  afterAll(() => csms.close());

  it('runs for --duration, prints plain progress lines and a summary, and ends every session', async () => {
    const result = await runCli([
      '--stations',
      '2',
      '--url',
      csms.url,
      '--interval',
      '0.2',
      '--speed',
      '500',
      '--idle',
      '0.2',
      '--duration',
      '6',
      '--id-prefix',
      'CLI',
      '--plain',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/stations 2\/2 \| sessions \d+ active/);
    expect(result.stdout).toContain('Simulation summary (2 × OCPP 1.6 stations, mode demo');
    expect(result.stdout).toMatch(/errors\s+0/);
    expect(result.stdout).toMatch(/latency p50 \/ p99\s+[\d.]+ ms \/ [\d.]+ ms/);
    const starts = csms.frames.filter(
      (f) => f.identity.startsWith('CLI-') && f.method === 'StartTransaction',
    );
    const stops = csms.frames.filter((f) => f.identity.startsWith('CLI-') && f.method === 'StopTransaction');
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(stops).toHaveLength(starts.length);
    expect(csms.validationFailures).toEqual([]);
  });
});
