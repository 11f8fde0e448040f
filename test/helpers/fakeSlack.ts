import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const method = (req.url ?? '').replace(/^\/(api\/)?/, '').split('?')[0]!;
        const body = parseBody(req, raw);
        this.calls.push({ method, body });
        const answer = this.answers.get(method)?.(body) ?? { json: defaultAnswer(method) };
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.json));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
    return this;
  }

  responseUrl(id = 'r1'): string {
    return `${this.url}response/${id}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until a call to `method` arrives (Bolt's work after ack is asynchronous). */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    const start = Date.now();
    while (this.callsTo(method).length < count) {
      if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${count} call(s) to ${method}; saw: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.callsTo(method);
  }

  reset(): void {
    this.calls = [];
    this.answers.clear();
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

function defaultAnswer(method: string): Record<string, unknown> {
  if (method === 'auth.test') return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
  if (method === 'chat.getPermalink') return { ok: true, permalink: 'https://example.slack.com/archives/C1/p1' };
  if (method === 'chat.postMessage') return { ok: true, ts: String(Date.now() / 1000) };
  return { ok: true };
}
