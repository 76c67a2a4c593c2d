import * as http from 'node:http';
import * as https from 'node:https';

/**
 * A POST to our OICP server as Hubject (or the reverse proxy in front of us) sends it: over https with
 * its TLS options (client certificate, CA), or plain http (from a given local address, with headers).
 */
export function postOicp(
  url: string,
  body: unknown,
  options: https.RequestOptions = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const send = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { ...options, method: 'POST', headers: { 'content-type': 'application/json', ...options.headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}
