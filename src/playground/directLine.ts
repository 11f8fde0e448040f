import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { log } from '../log.js';
import { hasToken, type PlaygroundChannel } from './channel.js';
import { PERSONAS, personaKey } from './personas.js';

// The Direct Line 3.0 calls Web Chat makes (polling, no websocket), served by the bot itself.
// A message from the page becomes a Bot Framework activity posted to our own POST /api/messages,
// so it runs through the same CloudAdapter and bot as a message from Teams.

export const PLAYGROUND_CHANNEL_ID = 'playground';

const pageActivity = z.object({
  type: z.string().max(50),
  text: z.string().max(4000).optional(),
  // Action.Submit on a card: the button's data and the card's inputs.
  value: z.record(z.string(), z.unknown()).optional(),
  locale: z.string().max(20).optional(),
  channelData: z.looseObject({ persona: personaKey, clientActivityID: z.string().max(100).optional() }),
});

const SESSION_LIFETIME_SECONDS = 24 * 60 * 60;

export function directLineRouter(channel: PlaygroundChannel): Router {
  const router = express.Router();
  const delivered = new Map<string, string>();
  const remember = (clientId: string, id: string) => {
    delivered.set(clientId, id);
    if (delivered.size > 1000) delivered.delete(delivered.keys().next().value!);
  };
  const conversation = () => ({ conversationId: channel.conversationId, token: channel.token, expires_in: SESSION_LIFETIME_SECONDS });

  router.use((req, res, next) => {
    if (!hasToken(channel, req.headers.authorization)) {
      res.status(403).json({ error: { code: 'TokenInvalid', message: 'Reload the playground page.' } });
      return;
    }
    next();
  });

  router.post('/conversations', (_req, res) => void res.status(201).json(conversation()));
  router.get('/conversations/:conversationId', (_req, res) => void res.json(conversation()));
  router.post('/tokens/refresh', (_req, res) => void res.json(conversation()));

  router.get('/conversations/:conversationId/activities', (req, res) => {
    if (req.params.conversationId !== channel.conversationId) return void res.status(404).end();
    const watermark = Number.parseInt(String(req.query.watermark ?? '0'), 10);
    const page = channel.transcript.since(Number.isFinite(watermark) && watermark > 0 ? watermark : 0);
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });

  router.post('/conversations/:conversationId/activities', express.json({ limit: '256kb' }), (req, res) => {
    if (req.params.conversationId !== channel.conversationId) return void res.status(404).end();
    const parsed = pageActivity.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: { code: 'BadArgument', message: 'Choose who you are, then try again.' } });
    const activity = parsed.data;
    // Only messages reach the bot; typing indicators and other events are not kept.
    if (activity.type !== 'message') return void res.json({ id: randomUUID() });
    // Web Chat may send the same message again after a network blip: answer it once.
    const clientId = activity.channelData.clientActivityID;
    const already = clientId ? delivered.get(clientId) : undefined;
    if (already) return void res.json({ id: already });
    const persona = PERSONAS[activity.channelData.persona];
    const echo = channel.transcript.add({
      type: 'message',
      ...(activity.text !== undefined ? { text: activity.text } : {}),
      ...(activity.value ? { value: activity.value } : {}),
      from: { id: persona.aadObjectId, name: persona.name, role: 'user' },
      conversation: { id: channel.conversationId },
      channelId: PLAYGROUND_CHANNEL_ID,
      channelData: activity.channelData,
    });
    if (clientId) remember(clientId, echo.id);
    res.json({ id: echo.id });
    void deliverToBot(req, channel, { ...activity, id: echo.id, timestamp: echo.timestamp }, persona);
  });

  return router;
}

/** Posts the page's message to the bot's own /api/messages, as the Bot Framework connector would. */
async function deliverToBot(
  req: Request,
  channel: PlaygroundChannel,
  activity: z.infer<typeof pageActivity> & { id: string; timestamp: string },
  persona: (typeof PERSONAS)[keyof typeof PERSONAS],
): Promise<void> {
  const port = req.socket.localPort;
  const serviceUrl = `http://127.0.0.1:${port}/playground/`;
  const body = {
    type: 'message',
    id: activity.id,
    timestamp: activity.timestamp,
    channelId: PLAYGROUND_CHANNEL_ID,
    serviceUrl,
    locale: activity.locale ?? 'en-GB',
    from: { id: `playground:${persona.aadObjectId}`, name: persona.name, aadObjectId: persona.aadObjectId, role: 'user' },
    recipient: { ...channel.bot, role: 'bot' },
    conversation: { id: channel.conversationId, name: channel.name, conversationType: 'channel', isGroup: true },
    ...(activity.text !== undefined ? { text: activity.text } : {}),
    ...(activity.value ? { value: activity.value } : {}),
  };
  try {
    const answer = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (answer.status >= 400) throw new Error(`status ${answer.status}`);
  } catch (error) {
    log.error('Playground: the bot did not take the message', error);
    channel.transcript.add({
      type: 'message',
      text: 'The bot did not answer. Check the terminal where you ran npm start, then try again.',
      from: { ...channel.bot, role: 'bot' },
      conversation: { id: channel.conversationId },
    });
  }
}

/** For tests and the page's "Start again" button. */
export function resetHandler(channel: PlaygroundChannel) {
  return (req: Request, res: Response) => {
    if (!hasToken(channel, req.headers.authorization)) return void res.status(403).end();
    channel.transcript.clear();
    res.status(204).end();
  };
}
