import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Pem {
  cert: Buffer;
  key: Buffer;
  certFile: string;
  keyFile: string;
}

/** P-256 keys: made in no time, unlike RSA's, which cost a loaded CI machine a second each. */
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

/** A throwaway PKI made with the openssl CLI: a CA, a server certificate for 127.0.0.1, client certificates. */
export class TestPki {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-'));
  readonly ca: Pem;
  private requests = 0;

  constructor() {
    this.ca = this.selfSigned('ca', 'Test CSMS CA', ['-addext', 'basicConstraints=critical,CA:TRUE']);
  }

  /** Deletes the directory with every key and certificate: call it once nothing reads them any more. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  server(): Pem {
    return this.issued('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  }

  client(commonName: string): Pem {
    return this.issued(`client-${commonName}`, commonName, 'extendedKeyUsage=clientAuth');
  }

  /** A key and a PEM certificate signing request for it, as a station makes them (SignCertificate). */
  request(commonName: string, keyType: 'rsa' | 'ec' = 'ec'): { csr: string; keyFile: string; key: Buffer } {
    const name = `request-${commonName}-${keyType}-${(this.requests += 1)}`;
    const keyFile = path.join(this.dir, `${name}.key`);
    const csrFile = path.join(this.dir, `${name}.csr`);
    const newkey = keyType === 'rsa' ? ['-newkey', 'rsa:2048'] : EC_KEY;
    this.openssl([
      'req',
      '-new',
      ...newkey,
      '-nodes',
      '-subj',
      `/CN=${commonName}/O=OCTT`,
      '-keyout',
      keyFile,
      '-out',
      csrFile,
    ]);
    return { csr: readFileSync(csrFile, 'utf8'), keyFile, key: readFileSync(keyFile) };
  }

  /** Whether our CA signed the first certificate of a PEM chain; its subject as openssl prints it. */
  verify(chainPem: string): { valid: boolean; subject: string } {
    const leaf = chainPem.slice(0, chainPem.indexOf('-----END CERTIFICATE-----') + 25);
    const file = path.join(this.dir, `verify-${(this.requests += 1)}.crt`);
    writeFileSync(file, `${leaf}\n`);
    let valid = true;
    try {
      execFileSync('openssl', ['verify', '-CAfile', this.ca.certFile, file], { stdio: 'ignore' });
    } catch {
      valid = false;
    }
    const subject = execFileSync('openssl', [
      'x509',
      '-in',
      file,
      '-noout',
      '-subject',
      '-nameopt',
      'RFC2253',
    ])
      .toString()
      .trim()
      .replace(/^subject=/, '');
    return { valid, subject };
  }

  /** A client certificate of our CA that expired long ago (2020), made with `openssl ca` and its fixed dates. */
  expiredClient(commonName: string): Pem {
    const name = `expired-${commonName}`;
    const { certFile, keyFile } = this.files(name);
    const csr = path.join(this.dir, `${name}.csr`);
    this.openssl(['req', ...EC_KEY, '-nodes', '-subj', `/CN=${commonName}`, '-keyout', keyFile, '-out', csr]);
    const config = path.join(this.dir, `${name}.cnf`);
    writeFileSync(path.join(this.dir, `${name}.index`), '');
    writeFileSync(path.join(this.dir, `${name}.serial`), '01\n');
    writeFileSync(
      config,
      [
        '[ca]',
        'default_ca = expired',
        '[expired]',
        `database = ${path.join(this.dir, `${name}.index`)}`,
        `new_certs_dir = ${this.dir}`,
        `serial = ${path.join(this.dir, `${name}.serial`)}`,
        'default_md = sha256',
        'policy = anything',
        '[anything]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    this.openssl([
      'ca',
      '-config',
      config,
      '-batch',
      '-notext',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200102000000Z',
      '-cert',
      this.ca.certFile,
      '-keyfile',
      this.ca.keyFile,
      '-in',
      csr,
      '-out',
      certFile,
    ]);
    return this.read(certFile, keyFile);
  }

  /** A self-signed root, as an operator installs on stations (InstallCertificate). */
  root(commonName: string): Pem {
    return this.selfSigned(`root-${commonName}`, commonName, [
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    ]);
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
      ...EC_KEY,
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
    this.openssl(['req', ...EC_KEY, '-nodes', '-subj', `/CN=${commonName}`, '-keyout', keyFile, '-out', csr]);
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
