import type { IncomingMessage } from 'node:http';
import { startLocalServer, waitForCount, type LocalServer } from './localServer.js';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw || '{}');
  const params = Object.fromEntries(new URLSearchParams(raw));
  // The Web API client sends nested values (blocks, view) as JSON strings.
  for (const [key, value] of Object.entries(params)) {
    if (/^[[{]/.test(value)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        /* leave as text */
      }
    }
  }
  return params;
}

/**
 * A local stand-in for Slack's Web API (at SLACK_API_URL) and for response_url posts.
 * It records every call so tests can assert what the bot sent.
 */
export class FakeSlack {
  calls: RecordedCall[] = [];
  /** Per-method canned answers; the default is { ok: true }. */
  answers = new Map<string, (body: Record<string, unknown>) => { status?: number; json: Record<string, unknown>; headers?: Record<string, string> }>();
  private server?: LocalServer;
  url = '';

  async start(): Promise<this> {
    this.server = await startLocalServer((req, raw, res) => {
      const method = (req.url ?? '').replace(/^\/(api\/)?/, '').split('?')[0]!;
      const body = parseBody(req, raw);
      this.calls.push({ method, body });
      const answer = this.answers.get(method)?.(body) ?? { json: defaultAnswer(method) };
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.json));
    });
    this.url = this.server.url;
    return this;
  }

  responseUrl(id = 'r1'): string {
    return `${this.url}response/${id}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until a call to `method` arrives (Bolt's work after ack is asynchronous). */
  waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    return waitForCount(() => this.callsTo(method), count, timeoutMs, () => `${count} call(s) to ${method}; saw: ${this.calls.map((c) => c.method).join(', ')}`);
  }

  reset(): void {
    this.calls = [];
    this.answers.clear();
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}

function defaultAnswer(method: string): Record<string, unknown> {
  if (method === 'auth.test') return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
  if (method === 'chat.getPermalink') return { ok: true, permalink: 'https://example.slack.com/archives/C1/p1' };
  if (method === 'chat.postMessage') return { ok: true, ts: String(Date.now() / 1000) };
  return { ok: true };
}
