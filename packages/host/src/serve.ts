import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Host } from './host.js';

/** A host listening on a port. */
export interface RunningHost {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly server: ServerType;
  /** Stops listening (open requests finish) and closes the host's database. */
  close(): Promise<void>;
}

/** Serves a host over HTTP with @hono/node-server, on loopback unless told otherwise; port 0 picks a free one. */
export function listen(
  host: Host,
  options: { readonly port?: number; readonly hostname?: string } = {},
): Promise<RunningHost> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve) => {
    const server = serve(
      { fetch: (request) => host.fetch(request), port: options.port ?? 0, hostname },
      (info: AddressInfo) => {
        resolve({
          url: `http://${hostname}:${info.port}`,
          server,
          close: async () => {
            await new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())));
            await host.close();
          },
        });
      },
    );
  });
}
