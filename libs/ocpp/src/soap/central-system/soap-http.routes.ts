import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { escapeXml } from '../xml/xml-element';
import { isSoapVersion, SOAP_VERSIONS, SoapOcppVersion } from '../soap-versions';
import { SoapCentralSystemService } from './soap-central-system.service';

export const SOAP_ROUTE = '/ocpp/soap/:tenant/:version';
/** OCPP-S messages are small; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

/**
 * Mounts OCPP-S on the application's HTTP server: `POST /ocpp/soap/{tenant}/{1.5|1.6}` for
 * messages, `GET …?wsdl` for the WSDL with its address set to where it was fetched from.
 */
@Injectable()
export class SoapHttpRoutes implements OnModuleInit {
  private readonly logger = new Logger(SoapHttpRoutes.name);
  private readonly wsdls: Record<SoapOcppVersion, string> = {
    '1.5': readFileSync(SOAP_VERSIONS['1.5'].centralSystemWsdl, 'utf8'),
    '1.6': readFileSync(SOAP_VERSIONS['1.6'].centralSystemWsdl, 'utf8'),
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly centralSystem: SoapCentralSystemService,
  ) {}

  onModuleInit(): void {
    // OCPP-S is a station entry point like OCPP-J: only instances with the ocpp role serve it.
    if (!hasRole(this.config, 'ocpp')) return;
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.post(SOAP_ROUTE, (req, res) => void this.onMessage(req, res));
    app.get(SOAP_ROUTE, (req, res) => this.onGet(req, res));
  }

  private async onMessage(req: Request, res: Response): Promise<void> {
    const version = String(req.params.version);
    if (!isSoapVersion(version)) {
      res.status(404).type('text/plain').send(`OCPP-S versions: 1.5, 1.6`);
      return;
    }
    const registrationToken = typeof req.query.token === 'string' ? req.query.token : undefined;
    try {
      const xml = await readBody(req);
      const answer = await this.centralSystem.handle(
        String(req.params.tenant),
        version,
        xml,
        req.headers.authorization,
        registrationToken,
      );
      res.status(answer.status).type(answer.contentType).send(answer.body);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.status(413).type('text/plain').send('Request body too large');
        return;
      }
      this.logger.error({ err: error }, 'OCPP-S request failed');
      if (!res.headersSent) res.status(500).type('text/plain').send('Internal error');
    }
  }

  private onGet(req: Request, res: Response): void {
    const version = String(req.params.version);
    if (!isSoapVersion(version) || !('wsdl' in req.query)) {
      res.status(404).type('text/plain').send('GET ?wsdl for the WSDL; messages are POSTed');
      return;
    }
    const address = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.path}`;
    const wsdl = this.wsdls[version].replace(
      /(<soap12:address\s+location=")[^"]*(")/,
      (_match, open: string, close: string) => `${open}${escapeXml(address)}${close}`,
    );
    res.status(200).type('text/xml; charset=utf-8').send(wsdl);
  }
}

function readBody(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
