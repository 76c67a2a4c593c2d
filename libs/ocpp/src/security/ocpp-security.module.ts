import { Module } from '@nestjs/common';
import { CertificateSigning } from './certificate-signing';
import { Iso15118PkiClient } from './iso15118/iso15118-pki.client';
import { PlugAndChargeService } from './iso15118/plug-and-charge.service';
import { StationCertificateAuthority } from './station-certificate-authority';

/**
 * Certificates at the OCPP edge, for 1.6-J (security extension) and 2.0.1 alike: signing what
 * stations ask for, the ISO 15118 PKI, and the operator's certificate and log commands.
 */
@Module({
  providers: [StationCertificateAuthority, Iso15118PkiClient, CertificateSigning, PlugAndChargeService],
  exports: [StationCertificateAuthority, Iso15118PkiClient, CertificateSigning, PlugAndChargeService],
})
export class OcppSecurityModule {}
