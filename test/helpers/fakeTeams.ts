import { startLocalServer, waitForCount, type LocalServer } from './localServer.js';

export interface SentActivity {
  path: string;
  conversationId: string;
  activity: Record<string, unknown>;
}

/**
 * A local stand-in for the Bot Framework connector (the activity's serviceUrl). Records what the
 * bot sends, and answers member look-ups.
 */
export class FakeTeamsConnector {
  sent: SentActivity[] = [];
  members = new Map<string, { id: string; name: string; aadObjectId: string }>();
  failNextPosts = 0;
  private server?: LocalServer;
  url = '';

  async start(): Promise<this> {
    this.server = await startLocalServer((req, raw, res) => {
      const path = req.url ?? '';
      const member = /\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(path);
      if (req.method === 'GET' && member) {
        const found = this.members.get(decodeURIComponent(member[2]!));
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFound' } }));
        return;
      }
      const conversation = /\/v3\/conversations\/([^/]+)\/activities/.exec(path);
      if (req.method === 'POST' && conversation) {
        if (this.failNextPosts > 0) {
          this.failNextPosts--;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
          res.end(JSON.stringify({ error: { code: 'TooManyRequests' } }));
          return;
        }
        this.sent.push({ path, conversationId: decodeURIComponent(conversation[1]!), activity: JSON.parse(raw || '{}') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${this.sent.length}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
    this.url = this.server.url;
    return this;
  }

  sentTo(conversationId: string): SentActivity[] {
    return this.sent.filter((s) => s.conversationId === conversationId);
  }

  waitForSent(conversationId: string, count = 1, timeoutMs = 5000): Promise<SentActivity[]> {
    return waitForCount(() => this.sentTo(conversationId), count, timeoutMs, () => `${count} activities to ${conversationId}`);
  }

  reset(): void {
    this.sent = [];
    this.failNextPosts = 0;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}

let activityCounter = 0;

export interface ActivityOptions {
  serviceUrl: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  fromAad?: string;
  fromName?: string;
  channelId?: string;
}

/** A Teams activity as the connector would deliver it to POST /api/messages. */
export function teamsActivity(fields: Record<string, unknown>, options: ActivityOptions): Record<string, unknown> {
  const conversationId = options.conversationId ?? 'a:personal-chat-1';
  return {
    id: `act-${Date.now()}-${++activityCounter}`,
    channelId: options.channelId ?? 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${options.fromAad ?? 'aad-sam'}`, name: options.fromName ?? 'Sam Social', aadObjectId: options.fromAad ?? 'aad-sam' },
    recipient: { id: '28:bot', name: 'Provider Quality' },
    conversation: { id: conversationId, conversationType: options.conversationType ?? 'personal', tenantId: 'tenant-1' },
    ...fields,
  };
}

export async function postActivity(baseUrl: string, activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}
