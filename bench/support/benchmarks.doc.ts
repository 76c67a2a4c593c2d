import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { REPO_ROOT } from './child-server';

export const BENCHMARKS_DOC = path.join(REPO_ROOT, 'docs', 'benchmarks.md');

const HEADER = `# Benchmarks

Figures appended by the benchmarks under \`bench/\` (see \`bench/README.md\`), one row per run, with the
machine they ran on. Each compares the CSMS with a baseline measured in the same run.

`;

/** A benchmark's part of the document: a heading, what it measures, and a table of one row per run. */
export interface BenchSection {
  /** `## Title (\`npm run bench:x\`)`: also how the section is found again. */
  heading: string;
  /** Paragraph(s) under the heading, already wrapped. */
  intro: string;
  columns: string[];
}

const METER_VALUES: BenchSection = {
  heading: '## Meter-value ingest at the durable floor (`npm run bench:meter-values`)',
  intro: `N stations, each in a transaction, send MeterValues in a closed loop to three servers in turn, in the
same run: a bare \`ws\` echo (stores nothing), the minimal durable server (the same \`ws\` server storing each
MeterValues in the project's embedded database, group commit) and the CSMS (compiled unless noted). Since
2026-12-06 23:00 the floor and the CSMS take turns (\`--rounds\`, 2 by default) and a row pools the rounds: mean
rates and latencies, CPU over all their MeterValues, the paced p99 of the worst run. Target on
2 cores (issue #26): CSMS ≥ 0.9 × the durable floor's MeterValues/s, its p99 ≤ 1.2 × the floor's, every
acknowledged sample stored by both (stored / acked), and paced at half its closed-loop rate, p99 < 50 ms.
Latencies in ms: p50 / p95 / p99. The 1-minute load average at the start is noted: other work on the
machine moves rates and latencies; CPU time per MeterValues moves less.`,
  columns: [
    'Date (UTC)',
    'Machine',
    'Stations × s, CSMS build',
    'Echo MV/s',
    'Durable floor MV/s (latency)',
    'CSMS MV/s (latency)',
    'CPU µs/MV: echo / floor server / floor DB / CSMS / CSMS DB',
    'Ratio CSMS/floor',
    'p99 CSMS/floor',
    'CSMS errors / set-up failures / boot retries',
    'Stored / acked: floor; CSMS',
    'Paced at ½ the CSMS rate: MV/s: p50 / p99',
    'Verdict',
  ],
};

export function describeMachine(): string {
  let model = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch {
    // Not Linux: os.cpus() said enough.
  }
  const memoryGb = Math.round(os.totalmem() / 2 ** 30);
  return `${os.availableParallelism()} × ${model}, ${memoryGb} GB, Node ${process.version}`;
}

/** Appends one table row, creating the file and the section the first time; the file stays prettier-clean. */
export async function appendBenchRow(section: BenchSection, cells: string[]): Promise<void> {
  fs.mkdirSync(path.dirname(BENCHMARKS_DOC), { recursive: true });
  let text = fs.existsSync(BENCHMARKS_DOC) ? fs.readFileSync(BENCHMARKS_DOC, 'utf8') : HEADER;
  if (!text.split('\n').includes(section.heading)) {
    const table = `| ${section.columns.join(' | ')} |\n|${section.columns.map(() => '---').join('|')}|\n`;
    text = `${text.trimEnd()}\n\n${section.heading}\n\n${section.intro}\n\n${table}`;
  }
  const row = `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  const options = (await prettier.resolveConfig(BENCHMARKS_DOC)) ?? {};
  fs.writeFileSync(
    BENCHMARKS_DOC,
    await prettier.format(insertRow(text, section.heading, row), { ...options, parser: 'markdown' }),
  );
}

export function appendMeterValuesRow(cells: string[]): Promise<void> {
  return appendBenchRow(METER_VALUES, cells);
}

/** The row goes at the end of its section's table, even if other sections follow it. */
function insertRow(text: string, heading: string, row: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  let end = lines.findIndex((line, index) => index > start && /^\|\s*:?-/.test(line));
  while (end + 1 < lines.length && lines[end + 1].startsWith('|')) end++;
  lines.splice(end + 1, 0, row);
  return lines.join('\n');
}

/** `2026-11-28 03:51`, the date column of every table. */
export function benchDate(): string {
  return new Date().toISOString().slice(0, 16).replace('T', ' ');
}
