import { Injectable, Logger } from '@nestjs/common';
import { StationSession } from '../session/station-session';
import { Iso15118PkiClient } from './iso15118/iso15118-pki.client';
import { StationCertificateAuthority } from './station-certificate-authority';

/** 2.0.1 CertificateSigningUseEnumType; absent (and 1.6): the station's own OCPP certificate. */
export type CertificateUse = 'ChargingStationCertificate' | 'V2GCertificate';

/**
 * SignCertificate (A02/A03, 1.6 security extension): the station's request is answered Accepted at once
 * (the OCTT fails a CSMS that refuses an unsigned one before trying it), then signed in the background:
 * its OCPP certificate by our station CA, its V2G certificate by the ISO 15118 PKI. The chain goes back
 * in a CertificateSigned of its own. Without a signer the request is only kept (chargingStationNotifications)
 * for an operator to sign and send with `certificateSigned`.
 */
@Injectable()
export class CertificateSigning {
  private readonly logger = new Logger(CertificateSigning.name);

  constructor(
    private readonly authority: StationCertificateAuthority,
    private readonly pki: Iso15118PkiClient,
  ) {}

  answer(session: StationSession, csr: string, certificateType?: CertificateUse): 'Accepted' {
    const sign = this.signerFor(certificateType);
    if (sign)
      setImmediate(() => void this.issue(session, () => sign(csr, session.stationId), certificateType));
    return 'Accepted';
  }

  private signerFor(certificateType: CertificateUse | undefined) {
    if (certificateType === 'V2GCertificate') {
      return this.pki.configured
        ? (csr: string, stationId: string) => this.pki.signV2gCertificate(stationId, csr)
        : undefined;
    }
    return this.authority.configured
      ? (csr: string, stationId: string) => this.authority.sign(csr, stationId)
      : undefined;
  }

  private async issue(
    session: StationSession,
    sign: () => Promise<string>,
    certificateType: CertificateUse | undefined,
  ): Promise<void> {
    const { tenantId, stationId } = session;
    try {
      const certificateChain = await sign();
      const answer = await session.call<{ status: string }>(
        'CertificateSigned',
        session.ocppVersion === '2.0.1' && certificateType
          ? { certificateChain, certificateType }
          : { certificateChain },
      );
      this.logger.log(
        { tenantId, stationId, certificateType, status: answer.status },
        'Certificate signed and sent',
      );
    } catch (error) {
      this.logger.warn(
        { err: error, tenantId, stationId, certificateType },
        'Station certificate not issued',
      );
    }
  }
}
