import { NextFunction, Request, Response } from 'express';
import * as path from 'node:path';
import { explorerHtml } from './graphql-explorer.html';

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** Browser assets of the explorer, all from npm packages so that it works offline. */
const ASSETS: Record<string, string> = {
  'react.js': path.join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.js': path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'graphiql.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
  'graphql-ws.js': path.join(packageDir('graphql-ws'), 'umd/graphql-ws.min.js'),
};

/**
 * Mounted on the GraphQL path before Apollo: a browser's plain `GET /graphql` gets GraphiQL (with
 * subscriptions over graphql-ws); every other request goes on to Apollo.
 */
export function graphqlExplorer(graphqlPath: string) {
  const html = explorerHtml(graphqlPath);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET') return next();
    const asset = /^\/explorer\/([\w.-]+)$/.exec(req.path)?.[1];
    if (asset && ASSETS[asset]) {
      res.setHeader('Cache-Control', 'public, max-age=86400');
      return res.sendFile(ASSETS[asset]);
    }
    if (req.path !== '/' || req.query.query !== undefined || !req.accepts('html')) return next();
    res.type('html').send(html);
  };
}
