import { Injectable, Logger } from '@nestjs/common';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { createHash, X509Certificate } from 'node:crypto';
import {
  AuthorizeCertificateStatusEnumType,
  Get15118EVCertificateRequest,
  Get15118EVCertificateResponse,
  GetCertificateStatusResponse,
  OCSPRequestDataType,
} from '../../v201/types/generated';
import { Iso15118PkiClient } from './iso15118-pki.client';
import { CertificateHashes, serialKey } from './ocsp';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const sha256 = (data: ArrayBuffer | Uint8Array): string =>
  createHash('sha256').update(new Uint8Array(data)).digest('hex');

/** OCPP's hashes of a certificate issued by `issuer` (RFC 6960 CertID with SHA-256). */
function hashesOf(certificate: X509Certificate, issuer: X509Certificate): CertificateHashes {
  const parsedIssuer = AsnConvert.parse(issuer.raw, Certificate);
  const parsed = AsnConvert.parse(certificate.raw, Certificate);
  return {
    hashAlgorithm: 'SHA256',
    issuerNameHash: sha256(AsnConvert.serialize(parsed.tbsCertificate.issuer)),
    issuerKeyHash: sha256(parsedIssuer.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey),
    serialNumber: certificate.serialNumber.toLowerCase(),
  };
}

/**
 * ISO 15118 Plug & Charge at the CSMS (OCPP 2.0.1 blocks C and M): contract certificates for cars come
 * from the PKI, and every certificate status comes from OCSP (the station cannot ask the responder
 * itself while it is only connected to us). Decisions only trust a "good" from the configured responder.
 */
@Injectable()
export class PlugAndChargeService {
  private readonly logger = new Logger(PlugAndChargeService.name);

  constructor(private readonly pki: Iso15118PkiClient) {}

  /** M01/M02 Get15118EVCertificate: the car's EXI request to the PKI, its EXI response back. */
  async evCertificate(
    chargingStationId: string,
    request: Get15118EVCertificateRequest,
  ): Promise<Get15118EVCertificateResponse> {
    if (!this.pki.configured) return { status: 'Failed', exiResponse: '' };
    try {
      return await this.pki.evCertificate({
        chargingStationId,
        iso15118SchemaVersion: request.iso15118SchemaVersion,
        action: request.action,
        exiRequest: request.exiRequest,
      });
    } catch (error) {
      this.logger.warn({ err: error, chargingStationId }, 'Get15118EVCertificate could not be served');
      return { status: 'Failed', exiResponse: '' };
    }
  }

  /** M06 GetCertificateStatus: the responder's OCSPResponse, Base64, for the station to staple. */
  async certificateStatus(ocspRequestData: OCSPRequestDataType): Promise<GetCertificateStatusResponse> {
    if (!this.pki.ocspConfigured) return { status: 'Failed' };
    try {
      const { der, answer } = await this.pki.ocsp([ocspRequestData]);
      if (!answer.successful) return { status: 'Failed' };
      return { status: 'Accepted', ocspResult: der.toString('base64') };
    } catch (error) {
      this.logger.warn({ err: error }, 'GetCertificateStatus could not be answered');
      return { status: 'Failed' };
    }
  }

  /**
   * C07 Authorize with a contract certificate: by its hashes (the station validated the chain) or by
   * the PEM chain itself (validated here: dates and signature, then OCSP). Accepted only when the
   * responder says every certificate is good.
   */
  async contractStatus(request: {
    certificate?: string;
    iso15118CertificateHashData?: OCSPRequestDataType[];
  }): Promise<AuthorizeCertificateStatusEnumType> {
    let hashes: CertificateHashes[];
    if (request.iso15118CertificateHashData?.length) {
      hashes = request.iso15118CertificateHashData;
    } else {
      const chain = this.chainOf(request.certificate ?? '');
      if (typeof chain === 'string') return chain;
      hashes = [chain];
    }
    if (!this.pki.ocspConfigured) return 'NoCertificateAvailable';
    try {
      const { answer } = await this.pki.ocsp(hashes);
      if (!answer.successful) return 'NoCertificateAvailable';
      const states = hashes.map((entry) => answer.states.get(serialKey(entry.serialNumber)));
      if (states.includes('revoked')) return 'CertificateRevoked';
      return states.every((state) => state === 'good') ? 'Accepted' : 'CertChainError';
    } catch (error) {
      this.logger.warn({ err: error }, 'Contract certificate status unknown: OCSP failed');
      return 'NoCertificateAvailable';
    }
  }

  /** The contract certificate's hashes, or why its PEM chain (contract, then its issuer) is refused. */
  private chainOf(pem: string): CertificateHashes | AuthorizeCertificateStatusEnumType {
    const [contractPem, issuerPem] = pem.match(PEM_CERTIFICATE) ?? [];
    if (!contractPem || !issuerPem) return 'CertChainError';
    let contract: X509Certificate;
    let issuer: X509Certificate;
    try {
      contract = new X509Certificate(contractPem);
      issuer = new X509Certificate(issuerPem);
    } catch {
      return 'CertChainError';
    }
    const now = Date.now();
    if (Date.parse(contract.validTo) < now || Date.parse(contract.validFrom) > now)
      return 'CertificateExpired';
    if (!contract.checkIssued(issuer)) return 'CertChainError';
    if (!contract.verify(issuer.publicKey)) return 'SignatureError';
    return hashesOf(contract, issuer);
  }
}
