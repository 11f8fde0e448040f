import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

/** Signs a body the way Slack does: v0=HMAC-SHA256(secret, "v0:{ts}:{body}"). */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  timestamp?: number;
  secret?: string;
  retryNum?: number;
  /** Events API deliveries are JSON; commands and interactions are form-encoded. */
  json?: boolean;
}

export async function postSigned(baseUrl: string, body: string, options: SignedRequestOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(body, timestamp, options.secret),
      ...(options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
}

let triggerCounter = 0;
export const nextTriggerId = () => `trigger-${Date.now()}-${++triggerCounter}`;

export function slashCommandBody(command: string, text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'council',
    channel_id: 'C100',
    channel_name: 'quality-team',
    user_id: 'U100',
    user_name: 'sam',
    command,
    text,
    api_app_id: 'A1',
    trigger_id: nextTriggerId(),
    response_url: 'http://127.0.0.1:1/unused',
    ...extra,
  }).toString();
}

export function interactiveBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API delivery, as Slack posts it. */
export function eventBody(event: Record<string, unknown>, eventId = `Ev${Date.now()}`): string {
  return JSON.stringify({ type: 'event_callback', token: 'legacy', team_id: 'T1', api_app_id: 'A1', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event });
}
