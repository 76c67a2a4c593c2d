import { SimulationStats, percentileOf } from '../stats/simulation-stats';
import { formatSummary } from './summary';
import { ProgressDisplay, progressLine } from './progress-display';
import { parseSimulatorArgs } from '../cli/parse-args';

function statsWith(values: Partial<SimulationStats>): SimulationStats {
  return Object.assign(new SimulationStats(), values);
}

describe('progress and summary', () => {
  it('shows connected stations, sessions, message rate, errors and energy on one line', () => {
    const line = progressLine(
      statsWith({
        connectedStations: 8,
        activeSessions: 5,
        sessionsCompleted: 12,
        errors: 1,
        energyWh: 12_345,
      }),
      10,
      42.25,
    );
    expect(line).toMatch(
      /^\[00:00:0\d\] \| stations 8\/10 \| sessions 5 active, 12 done \| 42\.3 msg\/s \| errors 1 \| 12\.3 kWh$/,
    );
  });

  it('refreshes in place on a terminal and prints plain lines every few seconds elsewhere', () => {
    jest.useFakeTimers();
    try {
      const written: string[] = [];
      const target = { write: (text: string) => written.push(text) };
      const tty = new ProgressDisplay(new SimulationStats(), 1, target, true);
      tty.start();
      jest.advanceTimersByTime(2000);
      tty.stop();
      expect(written.slice(0, 2).every((text) => text.startsWith('\r\x1b[2K['))).toBe(true);
      written.length = 0;
      const plain = new ProgressDisplay(new SimulationStats(), 1, target, false, 5);
      plain.start();
      jest.advanceTimersByTime(10_000);
      plain.stop();
      expect(written).toHaveLength(2);
      expect(written.every((text) => text.endsWith('\n') && !text.includes('\x1b'))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('counts refused tags as errors and shows each reason once, then in the summary', () => {
    jest.useFakeTimers();
    try {
      const stats = new SimulationStats();
      const reason = 'Authorize refused for SIM-TAG (Invalid): create the badge in the CSMS or pass --tag';
      stats.recordRefusal(reason);
      stats.recordRefusal(reason);
      expect(stats.errors).toBe(2);
      expect(progressLine(stats, 1, 0)).toContain('errors 2 (2 refused)');

      const written: string[] = [];
      const display = new ProgressDisplay(stats, 1, { write: (text) => written.push(text) }, false, 1);
      display.start();
      jest.advanceTimersByTime(3000);
      display.stop();
      expect(written.filter((text) => text === `${reason}\n`)).toHaveLength(1);

      const parsed = parseSimulatorArgs(['--stations', '1']);
      if (parsed.help) throw new Error('unexpected help');
      expect(formatSummary(stats, parsed.options)).toMatch(
        /refused ×2 +Authorize refused for SIM-TAG \(Invalid\)/,
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('summarises messages, errors and latency percentiles', () => {
    const stats = statsWith({ messagesSent: 100, errors: 0 });
    for (let latency = 1; latency <= 100; latency++) stats.recordAnswer(latency);
    const parsed = parseSimulatorArgs(['--stations', '3']);
    if (parsed.help) throw new Error('unexpected help');
    const summary = formatSummary(stats, parsed.options);
    expect(summary).toContain('messages sent       100');
    expect(summary).toContain('messages answered   100');
    expect(summary).toContain('latency p50 / p99   50.0 ms / 99.0 ms');
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentileOf([], 50)).toBeUndefined();
    expect(percentileOf([5, 1, 3], 50)).toBe(3);
    expect(percentileOf([5, 1, 3], 100)).toBe(5);
    expect(percentileOf([5, 1, 3], 0)).toBe(1);
  });
});
