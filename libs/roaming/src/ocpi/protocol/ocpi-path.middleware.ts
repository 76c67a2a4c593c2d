import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';

/**
 * Collapses repeated slashes in OCPI URLs: we publish endpoint URLs with a trailing slash (the specs
 * build object URLs as `{endpoint_url}{id}`), and partners that add one of their own must land on
 * the same route.
 */
@Injectable()
export class OcpiPathMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    if (request.url.startsWith('/ocpi/') && request.url.includes('//')) {
      const [path, query] = request.url.split(/\?(.*)/s, 2);
      request.url = path.replace(/\/{2,}/g, '/') + (query !== undefined ? `?${query}` : '');
    }
    next();
  }
}
