import { registerEnumType } from '@nestjs/graphql';

export enum ReportBase {
  ConfigurationInventory = 'ConfigurationInventory',
  FullInventory = 'FullInventory',
  SummaryInventory = 'SummaryInventory',
}
registerEnumType(ReportBase, { name: 'ReportBase', description: 'OCPP 2.0.1 GetBaseReport report base' });

export enum InstallCertificateUse {
  V2GRootCertificate = 'V2GRootCertificate',
  MORootCertificate = 'MORootCertificate',
  CSMSRootCertificate = 'CSMSRootCertificate',
  ManufacturerRootCertificate = 'ManufacturerRootCertificate',
}
registerEnumType(InstallCertificateUse, { name: 'InstallCertificateUse' });

export enum CertificateIdUse {
  V2GRootCertificate = 'V2GRootCertificate',
  MORootCertificate = 'MORootCertificate',
  CSMSRootCertificate = 'CSMSRootCertificate',
  V2GCertificateChain = 'V2GCertificateChain',
  ManufacturerRootCertificate = 'ManufacturerRootCertificate',
}
registerEnumType(CertificateIdUse, { name: 'CertificateIdUse' });

export enum HashAlgorithm {
  SHA256 = 'SHA256',
  SHA384 = 'SHA384',
  SHA512 = 'SHA512',
}
registerEnumType(HashAlgorithm, { name: 'HashAlgorithm' });

export enum SignedCertificateUse {
  ChargingStationCertificate = 'ChargingStationCertificate',
  V2GCertificate = 'V2GCertificate',
}
registerEnumType(SignedCertificateUse, { name: 'SignedCertificateUse' });

export enum OcppInterface {
  Wired0 = 'Wired0',
  Wired1 = 'Wired1',
  Wired2 = 'Wired2',
  Wired3 = 'Wired3',
  Wireless0 = 'Wireless0',
  Wireless1 = 'Wireless1',
  Wireless2 = 'Wireless2',
  Wireless3 = 'Wireless3',
}
registerEnumType(OcppInterface, { name: 'OcppInterface' });

export enum LogType {
  DiagnosticsLog = 'DiagnosticsLog',
  SecurityLog = 'SecurityLog',
}
registerEnumType(LogType, { name: 'LogType' });
