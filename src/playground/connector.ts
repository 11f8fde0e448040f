import express, { type Router } from 'express';
import type { PlaygroundChannel } from './channel.js';
import { forWebChat } from './webChatCards.js';

// Stands in for the Bot Framework connector: the playground activities carry this as their serviceUrl,
// so the bot's replies (and its posts to subscribed channels) land here and the page picks them up.

export function connectorRouter(channel: PlaygroundChannel): Router {
  const router = express.Router();

  // Replies carry the id of the message they answer; proactive posts do not.
  router.post('/v3/conversations/:conversationId/activities{/:replyToId}', express.json({ limit: '1mb' }), (req, res) => {
    if (req.params.conversationId !== channel.conversationId) {
      res.status(404).json({ error: { code: 'ConversationNotFound', message: 'Only the playground channel exists here.' } });
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const stored = channel.transcript.add({
      ...forWebChat(body),
      from: { ...channel.bot, ...(body.from as object | undefined), role: 'bot' },
      conversation: { id: channel.conversationId },
    });
    res.status(200).json({ id: stored.id });
  });

  return router;
}
