import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { createPlaygroundChannel, type PlaygroundChannel } from './channel.js';
import { connectorRouter } from './connector.js';
import { directLineRouter, resetHandler } from './directLine.js';
import { personaChoices } from './personas.js';

// Everything under /playground. Mounted only in local mode, never in production (see src/http/server.ts).

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

// Only the page's own files and the bot: no CDN, so the playground works offline.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Web Chat and the Adaptive Cards renderer set styles inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Web Chat's browser bundle (React, Direct Line and the Adaptive Cards renderer in one file), if installed. */
export function webChatBundlePath(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('botframework-webchat');
    const bundle = join(dirname(entry), '..', 'dist', 'webchat.js');
    return existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}

export function createPlaygroundRouter(channel: PlaygroundChannel = createPlaygroundChannel()): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  router.get('/', (_req, res) => res.sendFile(join(PUBLIC_DIR, 'index.html')));
  router.use('/assets', express.static(PUBLIC_DIR, { index: false }));
  router.get('/webchat.js', (_req, res) => {
    const bundle = webChatBundlePath();
    if (!bundle) return void res.status(404).type('text/plain').send('Web Chat is not installed. Run npm install.');
    res.sendFile(bundle, { maxAge: '1h' });
  });

  // Cross-site pages cannot read this (no CORS), so they never learn the token.
  router.get('/api/session', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token: channel.token, conversationId: channel.conversationId, personas: personaChoices() });
  });
  router.post('/api/reset', resetHandler(channel));

  router.use('/directline', directLineRouter(channel));
  router.use('/', connectorRouter(channel));
  return router;
}
