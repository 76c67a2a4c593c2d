import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One series of a counter: `inc` adds, no allocation. */
export interface CounterSeries {
  inc(amount?: number): void;
}

/** One series of a histogram: `observe` adds a sample (seconds, bytes…), no allocation. */
export interface HistogramSeries {
  observe(value: number): void;
}

/** A labelled instrument; `series(...values)` binds the label values once, to be kept by the caller. */
export interface Instrument<S> {
  series(...labelValues: string[]): S;
}

/** A gauge's values, read when Prometheus scrapes (a count in the database, a map's size). */
export type GaugeSample = { labels?: Record<string, string>; value: number };

export interface GaugeDefinition {
  name: string;
  help: string;
  labelNames?: string[];
  /** Called on every scrape; a failure leaves the gauge empty for that scrape. */
  collect(): GaugeSample[] | Promise<GaugeSample[]>;
}

interface InstrumentDefinition {
  name: string;
  help: string;
  labelNames?: string[];
}

const NO_OP = { inc: () => undefined, observe: () => undefined };
const NO_OP_INSTRUMENT = { series: () => NO_OP };

/** Latency buckets in seconds, from a millisecond to a minute. */
export const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

/**
 * The server's Prometheus metrics, for every module: counters and histograms for what happens
 * (bound to their label values once, so the hot path only adds to a number), gauges read at scrape
 * time. Off unless METRICS_TOKEN is set: then every instrument is a no-op and nothing is kept.
 * Names start with `csms_`.
 */
@Injectable()
export class Metrics {
  readonly enabled: boolean;
  readonly registry = new Registry();

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'METRICS_TOKEN'>) {
    this.enabled = Boolean(config.METRICS_TOKEN);
    if (this.enabled) collectDefaultMetrics({ register: this.registry, prefix: 'csms_' });
  }

  counter(definition: InstrumentDefinition): Instrument<CounterSeries> {
    if (!this.enabled) return NO_OP_INSTRUMENT;
    const counter =
      (this.registry.getSingleMetric(definition.name) as Counter | undefined) ??
      new Counter({ ...definition, labelNames: definition.labelNames ?? [], registers: [this.registry] });
    return bound(counter, definition.labelNames);
  }

  histogram(definition: InstrumentDefinition & { buckets?: number[] }): Instrument<HistogramSeries> {
    if (!this.enabled) return NO_OP_INSTRUMENT;
    const histogram =
      (this.registry.getSingleMetric(definition.name) as Histogram | undefined) ??
      new Histogram({
        ...definition,
        labelNames: definition.labelNames ?? [],
        buckets: definition.buckets ?? LATENCY_BUCKETS,
        registers: [this.registry],
      });
    return bound(histogram, definition.labelNames);
  }

  /**
   * A gauge whose values `collect` gives at each scrape: what any module registers to expose a
   * backlog (the job queues', roaming's outbox), a number of connections, a cache's size.
   */
  gauge(definition: GaugeDefinition): void {
    if (!this.enabled || this.registry.getSingleMetric(definition.name)) return;
    const { collect } = definition;
    new Gauge({
      name: definition.name,
      help: definition.help,
      labelNames: definition.labelNames ?? [],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const sample of await collect()) {
          if (sample.labels) this.set(sample.labels, sample.value);
          else this.set(sample.value);
        }
      },
    });
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}

function bound<S>(metric: Counter | Histogram, labelNames: string[] = []): Instrument<S> {
  return {
    series: (...values: string[]) => {
      if (values.length !== labelNames.length) {
        throw new Error(`${labelNames.length} label values expected, ${values.length} given`);
      }
      return (values.length ? metric.labels(...values) : metric) as unknown as S;
    },
  };
}
