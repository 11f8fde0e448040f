import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  close(): Promise<void>;
}

/** A loopback HTTP server on a free port that hands each request to `handle` with its whole body read. */
export async function startLocalServer(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<LocalServer> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `found()` has at least `count` items (the bot's work after an ack is asynchronous). */
export async function waitForCount<T>(found: () => T[], count: number, timeoutMs: number, describe: () => string): Promise<T[]> {
  const start = Date.now();
  while (found().length < count) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return found();
}
