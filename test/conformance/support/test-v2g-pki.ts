import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

export interface CertificateHashes {
  hashAlgorithm: 'SHA256';
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

interface Issued {
  certFile: string;
  keyFile: string;
  pem: string;
  serial: string;
}

/**
 * A local ISO 15118 PKI for the Plug & Charge cases, made with the openssl CLI: a V2G root, a sub-CA
 * that issues station (SECC) and contract certificates, an OCSP responder (openssl ocsp, once per
 * request) that knows one contract certificate as revoked, and the HTTP API the CSMS's
 * ISO15118_PKI_URL points at. It records what it was asked.
 */
export class TestV2gPki {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'csms-v2g-pki-'));
  readonly root: Issued;
  readonly subCa: Issued;
  readonly contract: Issued;
  readonly revokedContract: Issued;
  readonly evRequests: Record<string, unknown>[] = [];
  readonly ocspRequests: number[] = [];
  private server?: Server;
  private serials = 0x1000;

  constructor() {
    this.root = this.selfSigned('v2g-root', 'OCTT V2G Root');
    this.subCa = this.issue('v2g-sub-ca', 'OCTT V2G Sub-CA', this.root, 'basicConstraints=critical,CA:TRUE');
    this.contract = this.issue('contract', 'EMAID-OCTT-GOOD', this.subCa, 'keyUsage=digitalSignature');
    this.revokedContract = this.issue(
      'contract-revoked',
      'EMAID-OCTT-REVOKED',
      this.subCa,
      'keyUsage=digitalSignature',
    );
    const expiry = '991231235959Z';
    writeFileSync(
      this.file('index.txt'),
      [
        `V\t${expiry}\t\t${this.contract.serial}\tunknown\t/CN=EMAID-OCTT-GOOD`,
        `R\t${expiry}\t240101000000Z\t${this.revokedContract.serial}\tunknown\t/CN=EMAID-OCTT-REVOKED`,
        '',
      ].join('\n'),
    );
  }

  /** Starts the HTTP API; resolves with its base URL (ISO15118_PKI_URL). */
  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.serve(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/15118`;
  }

  /** Closes the HTTP API, then deletes the PKI's files, which the API signs and answers OCSP with. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** OCPP's CertificateHashData of a certificate our sub-CA issued, as a station computes it. */
  hashesOf(certificate: Issued): CertificateHashes {
    const requestFile = this.file(`hashes-${certificate.serial}.der`);
    this.openssl([
      'ocsp',
      '-sha256',
      '-issuer',
      this.subCa.certFile,
      '-cert',
      certificate.certFile,
      '-no_nonce',
      '-reqout',
      requestFile,
    ]);
    const text = this.openssl(['ocsp', '-reqin', requestFile, '-req_text']);
    const field = (name: string) => new RegExp(`${name}: ([0-9A-F]+)`).exec(text)![1].toLowerCase();
    return {
      hashAlgorithm: 'SHA256',
      issuerNameHash: field('Issuer Name Hash'),
      issuerKeyHash: field('Issuer Key Hash'),
      serialNumber: field('Serial Number'),
    };
  }

  /** What openssl reads in a DER OCSPResponse: the status of each certificate ("good", "revoked"). */
  ocspStatusOf(responseBase64: string, certificate: Issued): string {
    const file = this.file(`response-${(this.serials += 1)}.der`);
    writeFileSync(file, Buffer.from(responseBase64, 'base64'));
    const text = this.openssl([
      'ocsp',
      '-respin',
      file,
      '-sha256',
      '-issuer',
      this.subCa.certFile,
      '-serial',
      `0x${certificate.serial}`,
      '-CAfile',
      this.root.certFile,
      '-VAfile',
      this.subCa.certFile,
    ]);
    return /: (good|revoked|unknown)/.exec(text)?.[1] ?? text;
  }

  /** Whether a PEM chain's first certificate chains up to the V2G root, and its subject. */
  verify(chainPem: string): { valid: boolean; subject: string } {
    const leaf = chainPem.slice(0, chainPem.indexOf('-----END CERTIFICATE-----') + 25);
    const file = this.file(`verify-${(this.serials += 1)}.crt`);
    writeFileSync(file, `${leaf}\n`);
    let valid = true;
    try {
      execFileSync(
        'openssl',
        ['verify', '-CAfile', this.root.certFile, '-untrusted', this.subCa.certFile, file],
        {
          stdio: 'ignore',
        },
      );
    } catch {
      valid = false;
    }
    const subject = this.openssl(['x509', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253']).trim();
    return { valid, subject: subject.replace(/^subject=/, '') };
  }

  /** A station's key and CSR for its V2G (SECC) certificate. */
  request(commonName: string): { csr: string; key: Buffer } {
    const name = `secc-${(this.serials += 1)}`;
    this.openssl([
      'req',
      '-new',
      ...EC_KEY,
      '-nodes',
      '-subj',
      `/CN=${commonName}/O=OCTT`,
      '-keyout',
      this.file(`${name}.key`),
      '-out',
      this.file(`${name}.csr`),
    ]);
    return {
      csr: readFileSync(this.file(`${name}.csr`), 'utf8'),
      key: readFileSync(this.file(`${name}.key`)),
    };
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    try {
      if (request.url === '/15118/ev-certificates') {
        const asked = JSON.parse(body.toString()) as Record<string, unknown>;
        this.evRequests.push(asked);
        const exiResponse = Buffer.from(
          `OCTT-PKI:${String(asked.action)}:${String(asked.exiRequest)}`,
        ).toString('base64');
        return this.json(response, { status: 'Accepted', exiResponse });
      }
      if (request.url === '/15118/v2g-certificates') {
        const { csr } = JSON.parse(body.toString()) as { csr: string };
        return this.json(response, { certificateChain: await this.signCsr(csr) });
      }
      if (request.url === '/15118/ocsp') {
        this.ocspRequests.push(body.length);
        response.writeHead(200, { 'content-type': 'application/ocsp-response' });
        return void response.end(await this.answerOcsp(body));
      }
      response.writeHead(404).end();
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  }

  private json(response: ServerResponse, value: unknown): void {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  }

  private async signCsr(csr: string): Promise<string> {
    const name = `signed-${(this.serials += 1)}`;
    writeFileSync(this.file(`${name}.csr`), csr);
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      this.file(`${name}.csr`),
      '-CA',
      this.subCa.certFile,
      '-CAkey',
      this.subCa.keyFile,
      '-set_serial',
      String(this.serials),
      '-days',
      '1',
      '-out',
      this.file(`${name}.crt`),
    ]);
    return `${readFileSync(this.file(`${name}.crt`), 'utf8')}${this.subCa.pem}`;
  }

  private async answerOcsp(requestDer: Buffer): Promise<Buffer> {
    const name = `ocsp-${(this.serials += 1)}`;
    writeFileSync(this.file(`${name}.req`), requestDer);
    await run('openssl', [
      'ocsp',
      '-index',
      this.file('index.txt'),
      '-CA',
      this.subCa.certFile,
      '-rsigner',
      this.subCa.certFile,
      '-rkey',
      this.subCa.keyFile,
      '-reqin',
      this.file(`${name}.req`),
      '-respout',
      this.file(`${name}.resp`),
      '-ndays',
      '1',
    ]);
    return readFileSync(this.file(`${name}.resp`));
  }

  private selfSigned(name: string, commonName: string): Issued {
    this.openssl([
      'req',
      '-x509',
      ...EC_KEY,
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}`,
      '-keyout',
      this.file(`${name}.key`),
      '-out',
      this.file(`${name}.crt`),
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    ]);
    return this.read(name);
  }

  private issue(name: string, commonName: string, issuer: Issued, extension: string): Issued {
    writeFileSync(this.file(`${name}.ext`), `${extension}\n`);
    this.openssl([
      'req',
      '-new',
      ...EC_KEY,
      '-nodes',
      '-subj',
      `/CN=${commonName}`,
      '-keyout',
      this.file(`${name}.key`),
      '-out',
      this.file(`${name}.csr`),
    ]);
    this.openssl([
      'x509',
      '-req',
      '-in',
      this.file(`${name}.csr`),
      '-CA',
      issuer.certFile,
      '-CAkey',
      issuer.keyFile,
      '-set_serial',
      String((this.serials += 1)),
      '-days',
      '2',
      '-extfile',
      this.file(`${name}.ext`),
      '-out',
      this.file(`${name}.crt`),
    ]);
    return this.read(name);
  }

  private read(name: string): Issued {
    const certFile = this.file(`${name}.crt`);
    const serial = this.openssl(['x509', '-in', certFile, '-noout', '-serial'])
      .trim()
      .replace(/^serial=/, '');
    return { certFile, keyFile: this.file(`${name}.key`), pem: readFileSync(certFile, 'utf8'), serial };
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  private openssl(args: string[]): string {
    return execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  }
}
