import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertificateHashes, encodeOcspRequest, OcspAnswer, readOcspResponse } from './ocsp';

/** The station waits for our answer to these calls: the PKI gets a fraction of its usual 30 s. */
const PKI_TIMEOUT_MS = 10_000;

export class PkiUnavailableError extends Error {}

export interface EvCertificateRequest {
  chargingStationId: string;
  iso15118SchemaVersion: string;
  action: 'Install' | 'Update';
  /** Base64 EXI of the car's CertificateInstallationReq / CertificateUpdateReq, passed on untouched. */
  exiRequest: string;
}

export interface EvCertificateAnswer {
  status: 'Accepted' | 'Failed';
  exiResponse: string;
}

/**
 * The ISO 15118 PKI behind Plug & Charge, reached over HTTP while a station waits for its answer
 * (so no outbox: the answer is the station's, now or never):
 * - `POST {ISO15118_PKI_URL}/ev-certificates` (JSON, as Get15118EVCertificate) installs or updates a
 *   car's contract certificate: the EXI request goes in and the PKI's EXI response comes back as is;
 * - `POST {ISO15118_PKI_URL}/v2g-certificates` (JSON `{chargingStationId, csr}` →
 *   `{certificateChain}`) signs a station's V2G (SECC) certificate;
 * - OCSP (RFC 6960 over HTTP POST) at ISO15118_OCSP_URL, default `{ISO15118_PKI_URL}/ocsp`, answers
 *   for V2G and contract certificates.
 */
@Injectable()
export class Iso15118PkiClient {
  private readonly logger = new Logger(Iso15118PkiClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.ISO15118_PKI_URL);
  }

  get ocspConfigured(): boolean {
    return Boolean(this.ocspUrl);
  }

  async evCertificate(request: EvCertificateRequest): Promise<EvCertificateAnswer> {
    const answer = await this.postJson<Partial<EvCertificateAnswer>>('ev-certificates', request);
    if (
      (answer.status !== 'Accepted' && answer.status !== 'Failed') ||
      typeof answer.exiResponse !== 'string'
    ) {
      throw new PkiUnavailableError('The PKI answered Get15118EVCertificate without status and exiResponse');
    }
    return { status: answer.status, exiResponse: answer.exiResponse };
  }

  async signV2gCertificate(chargingStationId: string, csr: string): Promise<string> {
    const answer = await this.postJson<{ certificateChain?: unknown }>('v2g-certificates', {
      chargingStationId,
      csr,
    });
    if (
      typeof answer.certificateChain !== 'string' ||
      !answer.certificateChain.includes('BEGIN CERTIFICATE')
    ) {
      throw new PkiUnavailableError('The PKI answered the V2G signing request without a certificate chain');
    }
    return answer.certificateChain;
  }

  /** The responder's DER OCSPResponse about these certificates, and what it says of each. */
  async ocsp(certificates: CertificateHashes[]): Promise<{ der: Buffer; answer: OcspAnswer }> {
    const url = this.ocspUrl;
    if (!url) throw new PkiUnavailableError('No OCSP responder: set ISO15118_OCSP_URL or ISO15118_PKI_URL');
    const response = await this.post(url, 'application/ocsp-request', encodeOcspRequest(certificates));
    const der = Buffer.from(await response.arrayBuffer());
    try {
      return { der, answer: readOcspResponse(der) };
    } catch {
      throw new PkiUnavailableError('The OCSP responder answered something that is no OCSPResponse');
    }
  }

  private get ocspUrl(): string | undefined {
    const base = this.config.ISO15118_PKI_URL;
    return this.config.ISO15118_OCSP_URL ?? (base ? `${base.replace(/\/+$/, '')}/ocsp` : undefined);
  }

  private async postJson<T>(path: string, body: unknown): Promise<T> {
    const base = this.config.ISO15118_PKI_URL;
    if (!base) throw new PkiUnavailableError('No ISO 15118 PKI: set ISO15118_PKI_URL');
    const response = await this.post(
      `${base.replace(/\/+$/, '')}/${path}`,
      'application/json',
      JSON.stringify(body),
    );
    try {
      return (await response.json()) as T;
    } catch {
      throw new PkiUnavailableError(`The PKI answered ${path} with something that is no JSON`);
    }
  }

  private async post(url: string, contentType: string, body: string | Uint8Array): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: typeof body === 'string' ? body : new Uint8Array(body),
        signal: AbortSignal.timeout(PKI_TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn({ err: error, url }, 'ISO 15118 PKI unreachable');
      throw new PkiUnavailableError(`The PKI at ${url} could not be reached`);
    }
    if (!response.ok) {
      this.logger.warn({ url, status: response.status }, 'ISO 15118 PKI refused a request');
      throw new PkiUnavailableError(`The PKI at ${url} answered HTTP ${response.status}`);
    }
    return response;
  }
}
