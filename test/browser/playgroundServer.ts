import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/http/server.js';
import { clearPosters, retryPolicy } from '../../src/app/notify.js';

/** The real server in local mode (no Slack, Teams unauthenticated), so the playground is mounted. */
export async function startPlaygroundServer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  retryPolicy.firstDelayMs = 10;
  clearPosters();
  const bot = createServer(loadConfig({ NODE_ENV: 'test' }));
  const server: Server = await new Promise((resolve) => {
    const s = bot.expressApp.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
