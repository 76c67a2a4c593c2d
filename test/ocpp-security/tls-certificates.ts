import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Pem {
  cert: Buffer;
  key: Buffer;
  certFile: string;
  keyFile: string;
}

/** A throwaway PKI made with the openssl CLI: a CA, a server certificate for 127.0.0.1, client certificates. */
export class TestPki {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-'));
  readonly ca: Pem;

  constructor() {
    this.ca = this.selfSigned('ca', 'Test CSMS CA', ['-addext', 'basicConstraints=critical,CA:TRUE']);
  }

  server(): Pem {
    return this.issued('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  }

  client(commonName: string): Pem {
    return this.issued(`client-${commonName}`, commonName, 'extendedKeyUsage=clientAuth');
  }

  /** A certificate naming the station but signed by nobody we trust. */
  rogue(commonName: string): Pem {
    return this.selfSigned(`rogue-${commonName}`, commonName, []);
  }

  private selfSigned(name: string, commonName: string, extra: string[]): Pem {
    const { certFile, keyFile } = this.files(name);
    this.openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${commonName}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
      ...extra,
    ]);
    return this.read(certFile, keyFile);
  }

  private issued(name: string, commonName: string, extension: string): Pem {
    const { certFile, keyFile } = this.files(name);
    const csr = path.join(this.dir, `${name}.csr`);
    const ext = path.join(this.dir, `${name}.ext`);
    execFileSync('sh', ['-c', `printf '%s\\n' '${extension}' > '${ext}'`]);
    this.openssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${commonName}`,
      '-keyout',
      keyFile,
      '-out',
      csr,
    ]);
    this.openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      this.ca.certFile,
      '-CAkey',
      this.ca.keyFile,
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      ext,
      '-out',
      certFile,
    ]);
    return this.read(certFile, keyFile);
  }

  private files(name: string) {
    return { certFile: path.join(this.dir, `${name}.crt`), keyFile: path.join(this.dir, `${name}.key`) };
  }

  private read(certFile: string, keyFile: string): Pem {
    return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
  }

  private openssl(args: string[]): void {
    execFileSync('openssl', args, { stdio: 'ignore' });
  }
}
