import { BadInputError } from '@csms/common';
import { X509Certificate, createPrivateKey } from 'node:crypto';

export interface ClientCertificateFacts {
  subject: string;
  expiresAt: Date;
}

function parse(pem: string, what: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new BadInputError(`${what} is not a PEM X.509 certificate`);
  }
}

/** Checks that the key is the certificate's (a mismatch would only show at Hubject's handshake) and reads its facts. */
export function checkClientIdentity(certificatePem: string, keyPem: string): ClientCertificateFacts {
  const certificate = parse(certificatePem, 'clientCertificatePem');
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new BadInputError('clientKeyPem is not an unencrypted PEM private key');
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new BadInputError('clientKeyPem is not the key of clientCertificatePem');
  }
  return { subject: certificate.subject.replace(/\n/g, ', '), expiresAt: new Date(certificate.validTo) };
}

export function checkCaCertificate(pem: string): void {
  const ca = parse(pem, 'caCertificatePem');
  if (!ca.ca) throw new BadInputError('caCertificatePem is not a CA certificate (basicConstraints CA:TRUE)');
}
