import { NextFunction, Request, Response } from 'express';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CONSOLE_SECTIONS } from '../../../console/src/router/console-sections';

/** Only this origin's scripts; GraphQL over HTTP and graphql-ws to this origin; styles set by scripts (uPlot). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Voltgrid console</title></head>
<body><h1>The operator console is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it when it is missing), then reload.
The GraphQL API and its explorer are at <a href="/graphql">/graphql</a>.</p></body></html>
`;

const SECTIONS = new Set<string>(CONSOLE_SECTIONS);

/** `/` and the console's own pages (`/stations/CS-1`); everything else is the server's (/graphql, /ocpp, …). */
function isConsolePage(pathname: string): boolean {
  const [, section] = pathname.split('/');
  return section === '' || SECTIONS.has(section);
}

/**
 * Serves the operator console (apps/console, built by Vite into `consoleDir`): its hashed files under
 * /static/ with a long cache, and its page for `/` and every deep link into it (`/stations/CS-1`) a
 * browser opens, so the console's own router takes over. Every other path passes through untouched.
 */
export function operatorConsole(consoleDir: string) {
  const root = path.resolve(consoleDir);
  const staticDir = path.join(root, 'static');
  // Read at each page load (a few hundred bytes): a rebuild while the server runs is served at once.
  const readPage = (): Promise<string> => readFile(path.join(root, 'index.html'), 'utf8');

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = /^\/static\/([\w.-]+)$/.exec(req.path)?.[1];
    if (file) {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      res.sendFile(file, { root: staticDir, dotfiles: 'deny' }, (error) => {
        if (error && !res.headersSent) res.status(404).end();
      });
      return;
    }
    if (!isConsolePage(req.path) || !req.accepts('html')) return next();
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    // The page names the current hashed files: it must not be cached past a rebuild.
    res.setHeader('Cache-Control', 'no-cache');
    readPage().then(
      (html) => void res.type('html').send(html),
      () => void res.status(503).type('html').send(NOT_BUILT),
    );
  };
}
