import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { operatorConsole } from './console.middleware';

describe('operatorConsole', () => {
  let built: string;
  let server: Server;
  let baseUrl: string;

  const serve = (consoleDir: string): Promise<string> =>
    new Promise((resolve) => {
      const app = express();
      app.use(operatorConsole(consoleDir));
      app.use((_req, res) => res.status(404).json({ from: 'server' }));
      server = app.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      );
    });
  const get = (url: string, accept = 'text/html') => fetch(`${baseUrl}${url}`, { headers: { accept } });

  beforeAll(async () => {
    built = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
    mkdirSync(path.join(built, 'static'));
    writeFileSync(
      path.join(built, 'index.html'),
      '<div id="root"></div><script src="/static/app-1.js"></script>',
    );
    writeFileSync(path.join(built, 'static', 'app-1.js'), 'console.log(1)');
    writeFileSync(path.join(built, 'static', '.secret'), 'TOP SECRET');
    writeFileSync(path.join(built, '..', `${path.basename(built)}-secret.txt`), 'TOP SECRET');
    baseUrl = await serve(built);
  });

  afterAll(() => {
    server.close();
    rmSync(built, { recursive: true, force: true });
    rmSync(`${built}-secret.txt`, { force: true });
  });

  it('answers / and deep links with the page, under a strict content security policy', async () => {
    for (const url of [
      '/',
      '/stations/CS-1',
      '/sessions/42?tab=curve',
      '/reset-password?token=t',
      '/users/u1',
    ]) {
      const response = await get(url);
      expect([url, response.status]).toEqual([url, 200]);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves the hashed files for a year and nothing outside them', async () => {
    const script = await get('/static/app-1.js', '*/*');
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await get('/static/missing.js', '*/*')).status).toBe(404);
    for (const url of [
      `/static/..%2F..%2F${path.basename(built)}-secret.txt`,
      `/static/../../${path.basename(built)}-secret.txt`,
      '/static/.secret',
    ]) {
      expect([url, await (await get(url, '*/*')).text()]).not.toEqual([
        url,
        expect.stringContaining('TOP SECRET'),
      ]);
    }
  });

  it('leaves the server’s own endpoints, other methods and non-HTML requests alone', async () => {
    for (const url of [
      '/graphql',
      '/health',
      '/ocpp/default/CS-1',
      '/exports/default/sessions.csv',
      '/anything-else',
      '/metrics',
    ]) {
      expect([url, await (await get(url)).json()]).toEqual([url, { from: 'server' }]);
    }
    expect((await get('/stations', 'application/json')).status).toBe(404);
    const post = await fetch(`${baseUrl}/stations`, { method: 'POST', headers: { accept: 'text/html' } });
    expect(post.status).toBe(404);
  });

  it('says how to build the console when there is no build', async () => {
    server.close();
    baseUrl = await serve(path.join(built, 'not-built'));
    const response = await get('/stations');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
