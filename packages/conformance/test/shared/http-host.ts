import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

/** A web-standard handler served over HTTP on loopback, for the real CLI to call. */
export interface HttpHost {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `handle` on 127.0.0.1 at a free port. */
export async function serveOverHttp(handle: (request: Request) => Promise<Response>): Promise<HttpHost> {
  const listener = getRequestListener(handle);
  const server: Server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
