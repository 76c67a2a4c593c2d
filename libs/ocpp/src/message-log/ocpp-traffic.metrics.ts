import { CounterSeries, HistogramSeries, Metrics, SeriesCache } from '@csms/metrics';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { StationSessionRegistry } from '../session/station-session.registry';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { OcppMessageRecord } from './ocpp-message.repository';

/**
 * OCPP traffic as Prometheus sees it, fed by the message log's records (JSON and SOAP alike): calls
 * per action and direction, how long stations take to answer our commands and how long we take to
 * answer theirs, and the stations connected here. Each record costs two map lookups and two additions.
 */
@Injectable()
export class OcppTrafficMetrics implements OnModuleInit {
  private readonly calls: SeriesCache<CounterSeries>;
  private readonly commandLatency: SeriesCache<HistogramSeries>;
  private readonly handlingLatency: SeriesCache<HistogramSeries>;
  readonly enabled: boolean;

  constructor(
    private readonly metrics: Metrics,
    private readonly sessions: StationSessionRegistry,
  ) {
    this.enabled = metrics.enabled;
    this.calls = new SeriesCache(
      metrics.counter({
        name: 'csms_ocpp_messages_total',
        help: 'OCPP calls by direction (in: from stations, out: our commands) and action',
        labelNames: ['direction', 'action'],
      }),
      2,
    );
    this.commandLatency = new SeriesCache(
      metrics.histogram({
        name: 'csms_ocpp_command_duration_seconds',
        help: 'From our command sent to the station’s answer, by action and outcome (CALLRESULT, CALLERROR, unanswered)',
        labelNames: ['action', 'outcome'],
      }),
      2,
    );
    this.handlingLatency = new SeriesCache(
      metrics.histogram({
        name: 'csms_ocpp_inbound_duration_seconds',
        help: 'From a station’s call received to our answer sent, by action',
        labelNames: ['action'],
      }),
      1,
    );
  }

  onModuleInit(): void {
    this.metrics.gauge({
      name: 'csms_ocpp_stations_connected',
      help: 'Stations with an open OCPP-J connection to this instance',
      collect: () => [{ value: this.sessions.size }],
    });
  }

  record(entry: OcppMessageRecord): void {
    if (!this.enabled || entry.messageType !== 'CALL' || entry.action === undefined) return;
    const outbound = entry.direction === OcppMessageDirection.OUT;
    this.calls.of(entry.direction, entry.action).inc();
    if (outbound) {
      // Unanswered: recorded when the wait ended (timeout, connection closed), after this long.
      const waitedMs = entry.latencyMs ?? Date.now() - entry.at.getTime();
      const seconds = waitedMs / 1000;
      this.commandLatency.of(entry.action, entry.answerType ?? 'unanswered').observe(seconds);
    } else if (entry.latencyMs !== undefined) {
      this.handlingLatency.of(entry.action).observe(entry.latencyMs / 1000);
    }
  }
}
