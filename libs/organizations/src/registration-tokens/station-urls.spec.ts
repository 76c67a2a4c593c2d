import { loadConfig } from '@csms/common';
import { publicBaseUrl, stationUrls } from './station-urls';

describe('station URLs of a registration token', () => {
  it('builds every transport endpoint from the public URL', () => {
    expect(stationUrls('https://csms.example.com', 'acme', 'a+b/c')).toEqual({
      ocpp16Json: 'wss://csms.example.com/ocpp/acme/{chargingStationId}?token=a%2Bb%2Fc',
      ocpp201Json: 'wss://csms.example.com/ocpp/acme/{chargingStationId}?token=a%2Bb%2Fc',
      ocpp15Soap: 'https://csms.example.com/ocpp/soap/acme/1.5?token=a%2Bb%2Fc',
      ocpp16Soap: 'https://csms.example.com/ocpp/soap/acme/1.6?token=a%2Bb%2Fc',
    });
    expect(stationUrls('http://10.0.0.1:3000', 'default', 't').ocpp16Json).toBe(
      'ws://10.0.0.1:3000/ocpp/default/{chargingStationId}?token=t',
    );
  });

  it('takes PUBLIC_URL (without a trailing slash), else localhost on PORT', () => {
    expect(publicBaseUrl(loadConfig({ PUBLIC_URL: 'https://csms.example.com/', PORT: '80' }))).toBe(
      'https://csms.example.com',
    );
    expect(publicBaseUrl(loadConfig({ PORT: '3100' }))).toBe('http://localhost:3100');
  });
});
