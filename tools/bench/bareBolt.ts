import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Listens on a free loopback port; close() also drops kept-alive sockets so the process can end. */
export async function listen(app: express.Application): Promise<RunningServer> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The baseline: Bolt on the same ExpressReceiver setup as src/adapters/slack/slackApp.ts,
 * with the same signing secret, that only acknowledges /cq1. No middleware, no database.
 */
export async function startBareBolt(signingSecret: string, slackApiUrl: string): Promise<RunningServer> {
  const expressApp = express();
  expressApp.disable('x-powered-by');
  const receiver = new ExpressReceiver({ signingSecret, endpoints: '/slack/events', app: expressApp, logLevel: LogLevel.ERROR });
  const app = new App({
    token: 'xoxb-bench-token',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slackApiUrl.replace(/\/?$/, '/'), retryConfig: { retries: 0 } },
  });
  app.command('/cq1', async ({ ack }) => {
    await ack();
  });
  return listen(expressApp);
}
