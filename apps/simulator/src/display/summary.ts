import { SimulatorOptions } from '../cli/simulator-options';
import { SimulationStats } from '../stats/simulation-stats';

const ms = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);

/** The end-of-run report. */
export function formatSummary(stats: SimulationStats, options: SimulatorOptions): string {
  const seconds = (Date.now() - stats.startedAt) / 1000;
  const lines = [
    `Simulation summary (${options.stations} × OCPP ${options.ocpp} stations, mode ${options.mode}, ${seconds.toFixed(1)} s)`,
    `  messages sent       ${stats.messagesSent} (${(stats.messagesSent / Math.max(seconds, 0.001)).toFixed(1)}/s)`,
    `  messages answered   ${stats.messagesAnswered}`,
    `  commands received   ${stats.commandsReceived}`,
    `  errors              ${stats.errors}${stats.lastError ? ` (last: ${stats.lastError})` : ''}`,
    `  latency p50 / p99   ${ms(stats.latencyPercentile(50))} / ${ms(stats.latencyPercentile(99))}`,
    `  boots               ${stats.boots}, reconnects ${stats.reconnects}`,
    `  sessions            ${stats.sessionsStarted} started, ${stats.sessionsCompleted} completed`,
    `  energy delivered    ${(stats.energyWh / 1000).toFixed(2)} kWh`,
  ];
  for (const [reason, count] of stats.refusalReasons) {
    lines.push(`  refused ×${count}`.padEnd(22) + reason);
  }
  if (stats.queuedMessages) {
    lines.push(
      `  offline queue       ${stats.queuedMessages} queued, ${stats.replayedMessages} replayed, ${stats.outages} outages`,
    );
  }
  for (const [index, storm] of stats.storms.entries()) {
    lines.push(
      `  storm ${index + 1}             ${storm.stations} stations reconnected and booted in ${storm.durationMs.toFixed(0)} ms`,
    );
  }
  return lines.join('\n');
}
