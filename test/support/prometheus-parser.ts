import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pythonInterpreter } from './test-tools';

export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  /** null for +Inf/NaN. */
  value: number | null;
}

export interface PrometheusFamily {
  name: string;
  type: string;
  documentation: string;
  samples: PrometheusSample[];
}

const SCRIPT = path.resolve(__dirname, '..', 'peers', 'prometheus_parse.py');

/** Parses an exposition with Prometheus' own Python client parser; throws with its error when it refuses it. */
export function parsePrometheusText(text: string): PrometheusFamily[] {
  const run = spawnSync(pythonInterpreter(), [SCRIPT], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`The Prometheus parser refused the exposition: ${run.stderr}`);
  return JSON.parse(run.stdout) as PrometheusFamily[];
}
