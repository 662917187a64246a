import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on 127.0.0.1 at a free port: what every double of a remote service listens on. */
export interface LoopbackServer {
  port: number;
  /** Closes every connection, idle or not, then the server. */
  close(): Promise<void>;
}

export async function listenOnLoopback(handler: http.RequestListener): Promise<LoopbackServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
