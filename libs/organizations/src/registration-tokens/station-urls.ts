import { AppConfig } from '@csms/common';
import { StationUrls } from './models/station-urls.model';

/** This server as stations reach it: PUBLIC_URL, else localhost on PORT (https when TLS is on). */
export function publicBaseUrl(config: AppConfig): string {
  const base = config.PUBLIC_URL ?? `${config.TLS_CERT_FILE ? 'https' : 'http'}://localhost:${config.PORT}`;
  return base.replace(/\/+$/, '');
}

/** The endpoint of each transport, carrying `token` as `?token=` (see the OCPP endpoints in CONTRACT.md). */
export function stationUrls(baseUrl: string, tenantId: string, token: string): StationUrls {
  const query = `?token=${encodeURIComponent(token)}`;
  const tenant = encodeURIComponent(tenantId);
  const json = `${baseUrl.replace(/^http/, 'ws')}/ocpp/${tenant}/{chargingStationId}${query}`;
  return {
    ocpp16Json: json,
    ocpp201Json: json,
    ocpp15Soap: `${baseUrl}/ocpp/soap/${tenant}/1.5${query}`,
    ocpp16Soap: `${baseUrl}/ocpp/soap/${tenant}/1.6${query}`,
  };
}
