import { loadConfig } from '@csms/common';
import { Metrics } from '@csms/metrics';
import { HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { MetricsController } from './metrics.controller';

function response(): Response & { sent?: string; headers: Record<string, string> } {
  const res = {
    headers: {} as Record<string, string>,
    sent: undefined as string | undefined,
    status: () => res,
    setHeader: (name: string, value: string) => {
      res.headers[name] = value;
      return res;
    },
    send: (text: string) => {
      res.sent = text;
      return res;
    },
  };
  return res as unknown as Response & { sent?: string; headers: Record<string, string> };
}

const statusOf = async (run: () => Promise<unknown>): Promise<number | undefined> => {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof HttpException ? error.getStatus() : -1;
  }
};

describe('MetricsController', () => {
  it('has no endpoint without METRICS_TOKEN (404), and instruments cost nothing', async () => {
    const config = loadConfig({});
    const metrics = new Metrics(config);
    const controller = new MetricsController(config, metrics);
    expect(await statusOf(() => controller.scrape('Bearer anything', response()))).toBe(404);
    expect(metrics.enabled).toBe(false);
    metrics
      .counter({ name: 'csms_test_total', help: 'test', labelNames: ['a'] })
      .series('x')
      .inc();
    expect((await metrics.registry.metrics()).trim()).toBe('');
  });

  it('serves the registry to the token only', async () => {
    const config = loadConfig({ METRICS_TOKEN: 'a-scraper-token-of-length' });
    const metrics = new Metrics(config);
    metrics
      .counter({ name: 'csms_test_total', help: 'test', labelNames: ['a'] })
      .series('x')
      .inc(2);
    const controller = new MetricsController(config, metrics);
    expect(await statusOf(() => controller.scrape(undefined, response()))).toBe(401);
    expect(await statusOf(() => controller.scrape('Bearer a-scraper-token-of-lengt', response()))).toBe(401);
    const res = response();
    await controller.scrape('Bearer a-scraper-token-of-length', res);
    expect(res.sent).toContain('csms_test_total{a="x"} 2');
  });
});
