import {
  BasicOCSPResponse,
  CertID,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  TBSRequest,
} from '@peculiar/asn1-ocsp';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';

/** OCPP's OCSPRequestDataType / CertificateHashDataType: a certificate named by hashes (hex). */
export interface CertificateHashes {
  hashAlgorithm: 'SHA256' | 'SHA384' | 'SHA512';
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

export type CertificateState = 'good' | 'revoked' | 'unknown';

const HASH_OIDS: Record<CertificateHashes['hashAlgorithm'], string> = {
  SHA256: '2.16.840.1.101.3.4.2.1',
  SHA384: '2.16.840.1.101.3.4.2.2',
  SHA512: '2.16.840.1.101.3.4.2.3',
};
const ASN1_NULL = new Uint8Array([0x05, 0x00]).buffer;
const BASIC_RESPONSE = '1.3.6.1.5.5.7.48.1.1';

const bytes = (hex: string): ArrayBuffer => {
  const even = hex.length % 2 ? `0${hex}` : hex;
  return new Uint8Array(Buffer.from(even, 'hex')).buffer;
};
/** A serial number in hex as a comparable key: lower case, no leading zeros. */
export const serialKey = (hex: string): string => hex.toLowerCase().replace(/^0+(?=.)/, '');

function certIdOf(hashes: CertificateHashes): CertID {
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({
      algorithm: HASH_OIDS[hashes.hashAlgorithm],
      parameters: ASN1_NULL,
    }),
    issuerNameHash: new OctetString(bytes(hashes.issuerNameHash)),
    issuerKeyHash: new OctetString(bytes(hashes.issuerKeyHash)),
    serialNumber: bytes(hashes.serialNumber),
  });
}

/** The DER OCSPRequest (RFC 6960) asking about these certificates. */
export function encodeOcspRequest(certificates: CertificateHashes[]): Buffer {
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({
      requestList: certificates.map((hashes) => new Request({ reqCert: certIdOf(hashes) })),
    }),
  });
  return Buffer.from(AsnConvert.serialize(request));
}

export interface OcspAnswer {
  /** RFC 6960 responseStatus: 0 successful. */
  successful: boolean;
  /** Per serial number (hex, no leading zeros), what the responder says. */
  states: Map<string, CertificateState>;
}

/** Reads a DER OCSPResponse; only its own structure is checked here (the signature is the responder's). */
export function readOcspResponse(der: Buffer): OcspAnswer {
  const response = AsnConvert.parse(der, OCSPResponse);
  const states = new Map<string, CertificateState>();
  const successful = response.responseStatus === OCSPResponseStatus.successful;
  const bytesOfResponse = response.responseBytes;
  if (successful && bytesOfResponse?.responseType === BASIC_RESPONSE) {
    const basic = AsnConvert.parse(bytesOfResponse.response.buffer, BasicOCSPResponse);
    for (const single of basic.tbsResponseData.responses) {
      const status = single.certStatus;
      const state: CertificateState = status.revoked
        ? 'revoked'
        : status.unknown !== undefined
          ? 'unknown'
          : 'good';
      states.set(serialKey(Buffer.from(single.certID.serialNumber).toString('hex')), state);
    }
  }
  return { successful, states };
}
