import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

// Kept-alive connections: a 50 000-reminder sweep would otherwise pay fetch's per-request cost (≈5× the CPU).
const agents = { 'http:': new HttpAgent({ keepAlive: true, maxSockets: 32 }), 'https:': new HttpsAgent({ keepAlive: true, maxSockets: 32 }) };

/** POSTs JSON and resolves with the status code; rejects on network errors and after `timeoutMs`. */
export function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        agent: agents[target.protocol as keyof typeof agents],
        headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}
