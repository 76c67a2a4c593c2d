import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import * as x509 from '@peculiar/x509';
import { createPrivateKey, KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** How long a station certificate we sign is valid. */
const VALIDITY_DAYS = 365;

/** A certificate signing request we will not sign, and why. */
export class CertificateRequestError extends Error {}

interface Authority {
  certificate: x509.X509Certificate;
  pem: string;
  key: CryptoKey;
  signingAlgorithm: EcdsaParams | Algorithm;
}

/** The WebCrypto algorithms of the CA's key: RSA PKCS#1 v1.5 or ECDSA, SHA-256 (SHA-384 for P-384). */
function algorithmsOf(key: KeyObject): {
  importAlgorithm: Algorithm | EcKeyImportParams;
  signing: Algorithm;
} {
  if (key.asymmetricKeyType === 'rsa') {
    const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return { importAlgorithm: rsa, signing: rsa };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const namedCurve = curve === 'secp384r1' ? 'P-384' : curve === 'prime256v1' ? 'P-256' : undefined;
    if (!namedCurve) throw new Error(`TLS_CA_KEY_FILE: unsupported curve ${curve ?? '?'}`);
    const hash = namedCurve === 'P-384' ? 'SHA-384' : 'SHA-256';
    return { importAlgorithm: { name: 'ECDSA', namedCurve }, signing: { name: 'ECDSA', hash } as Algorithm };
  }
  throw new Error(`TLS_CA_KEY_FILE: unsupported key type ${key.asymmetricKeyType ?? '?'}`);
}

/**
 * The CA of the stations' client certificates (TLS_CA_FILE, with its key TLS_CA_KEY_FILE): signs the
 * certificate a station asks for (SignCertificate) when its request is well signed and names the
 * station itself, as security profile 3 admits a certificate whose common name is the station's id.
 */
@Injectable()
export class StationCertificateAuthority {
  private authority?: Promise<Authority>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.TLS_CA_FILE && this.config.TLS_CA_KEY_FILE);
  }

  /** The PEM chain (the new certificate, then the CA's) for the station's PEM CSR. */
  async sign(csrPem: string, stationId: string): Promise<string> {
    const authority = await this.load();
    let request: x509.Pkcs10CertificateRequest;
    try {
      request = new x509.Pkcs10CertificateRequest(csrPem);
    } catch {
      throw new CertificateRequestError('The CSR is not a PEM PKCS#10 request');
    }
    if (!(await request.verify())) throw new CertificateRequestError('The CSR signature does not verify');
    const commonNames = request.subjectName.getField('CN');
    if (commonNames.length !== 1 || commonNames[0] !== stationId) {
      throw new CertificateRequestError(
        `The CSR must name the station (CN=${stationId}), not ${request.subject}`,
      );
    }
    const notBefore = new Date(Date.now() - 60_000);
    const certificate = await x509.X509CertificateGenerator.create({
      // Positive, 16 random bytes (RFC 5280: at most 20 octets).
      serialNumber: `01${randomBytes(15).toString('hex')}`,
      subject: request.subject,
      issuer: authority.certificate.subject,
      notBefore,
      notAfter: new Date(notBefore.getTime() + VALIDITY_DAYS * 86_400_000),
      publicKey: request.publicKey,
      signingKey: authority.key,
      signingAlgorithm: authority.signingAlgorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature |
            x509.KeyUsageFlags.keyAgreement |
            x509.KeyUsageFlags.keyEncipherment,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
        await x509.AuthorityKeyIdentifierExtension.create(authority.certificate.publicKey),
        await x509.SubjectKeyIdentifierExtension.create(request.publicKey),
      ],
    });
    return `${certificate.toString('pem')}\n${authority.pem}`;
  }

  private load(): Promise<Authority> {
    this.authority ??= this.read();
    return this.authority;
  }

  private async read(): Promise<Authority> {
    const { TLS_CA_FILE: certFile, TLS_CA_KEY_FILE: keyFile } = this.config;
    if (!certFile || !keyFile) throw new Error('No station CA: set TLS_CA_FILE and TLS_CA_KEY_FILE');
    const [certificatePem, keyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile)]);
    const certificate = new x509.X509Certificate(certificatePem);
    const keyObject = createPrivateKey(keyPem);
    const { importAlgorithm, signing } = algorithmsOf(keyObject);
    const key = await webcrypto.subtle.importKey(
      'pkcs8',
      keyObject.export({ format: 'der', type: 'pkcs8' }),
      importAlgorithm,
      false,
      ['sign'],
    );
    return { certificate, pem: certificate.toString('pem'), key, signingAlgorithm: signing };
  }
}
