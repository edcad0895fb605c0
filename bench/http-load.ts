/**
 * A small HTTP load client: many requests in flight at once over a bounded pool of keep-alive
 * sockets (like many phones behind a few connections), with no library beyond node:http.
 */
import http from 'node:http';

export interface Loader {
  post<T = unknown>(path: string, body: unknown, cookie?: string): Promise<{ status: number; body: T; setCookie?: string }>;
  close(): void;
}

export function loader(baseUrl: string, sockets = 256): Loader {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    post<T>(path: string, body: unknown, cookie?: string) {
      const data = Buffer.from(JSON.stringify(body));
      return new Promise<{ status: number; body: T; setCookie?: string }>((resolve, reject) => {
        const req = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': data.length,
              ...(cookie ? { cookie } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const setCookie = res.headers['set-cookie']?.[0]?.split(';')[0];
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T, setCookie });
            });
          },
        );
        req.on('error', reject);
        req.end(data);
      });
    },
    close: () => agent.destroy(),
  };
}
