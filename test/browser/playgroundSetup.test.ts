import { beforeEach, describe, expect, it } from 'vitest';
import { AuditEvent, Intelligence, Provider, Service, User } from '../../models/index.js';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/http/server.js';
import { playgroundEnabled, preparePlayground } from '../../src/playground/index.js';
import { PERSONAS } from '../../src/playground/personas.js';
import { clearCollections, useDatabase } from '../helpers/database.js';
import { seedProviders } from '../helpers/seed.js';

// What the playground sets up at start-up, and where it is switched off. No browser needed.

useDatabase();

beforeEach(async () => {
  await clearCollections();
});

describe('playground start-up', () => {
  it('loads fictional sample providers, services and intelligence into an empty database, once', async () => {
    expect(await preparePlayground()).toEqual({ sampleLoaded: true });

    const providers = await Provider.find().lean();
    expect(providers.length).toBeGreaterThanOrEqual(6);
    expect(providers.every((p) => p.name.endsWith('(fictional)'))).toBe(true);
    expect(await Service.countDocuments()).toBeGreaterThanOrEqual(providers.length);
    const intelligence = await Intelligence.find().lean();
    expect(intelligence.length).toBeGreaterThanOrEqual(5);
    expect(new Set(intelligence.map((i) => i.sentiment))).toEqual(new Set(['adverse', 'positive']));
    expect(intelligence.every((i) => i.loggedBy?.userId.startsWith('playground-'))).toBe(true);
    // Loaded through the real import and logging code, so it is on the audit trail.
    expect(await AuditEvent.countDocuments({ action: 'intelligence.logged' })).toBe(intelligence.length);

    expect(await preparePlayground()).toEqual({ sampleLoaded: false });
    expect(await Provider.countDocuments()).toBe(providers.length);
    expect(await Intelligence.countDocuments()).toBe(intelligence.length);
  });

  it('leaves a database that already has providers alone', async () => {
    await seedProviders();
    expect(await preparePlayground()).toEqual({ sampleLoaded: false });
    expect(await Provider.countDocuments({ name: /fictional/ })).toBe(0);
  });

  it('gives each persona its role, audited as the system, and does it only once', async () => {
    await preparePlayground();
    for (const persona of Object.values(PERSONAS)) {
      const user = await User.findOne({ platform: 'teams', platformUserId: persona.aadObjectId }).lean();
      expect(user?.roles).toContain(persona.role);
    }
    const assigned = await AuditEvent.find({ action: 'user.role-assigned' }).lean();
    expect(assigned).toHaveLength(4);
    expect(assigned.every((event) => event.actor?.platform === 'system')).toBe(true);

    await preparePlayground();
    expect(await AuditEvent.countDocuments({ action: 'user.role-assigned' })).toBe(4);
  });
});

describe('where the playground runs', () => {
  it('is on in local mode, and off in production or with a real Teams app', () => {
    expect(playgroundEnabled({ teamsLocalMode: true, NODE_ENV: 'development' })).toBe(true);
    expect(playgroundEnabled({ teamsLocalMode: true, NODE_ENV: 'production' })).toBe(false);
    expect(playgroundEnabled({ teamsLocalMode: false, NODE_ENV: 'development' })).toBe(false);
  });

  it('is not served when the bot has a Microsoft app id', async () => {
    const { expressApp } = createServer(loadConfig({ NODE_ENV: 'test', MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'secret' }));
    const server = expressApp.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect((await fetch(`http://127.0.0.1:${port}/playground`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/playground/api/session`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses Direct Line calls without the page’s token', async () => {
    const { expressApp } = createServer(loadConfig({ NODE_ENV: 'test' }));
    const server = expressApp.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      const base = `http://127.0.0.1:${port}/playground`;
      const post = await fetch(`${base}/directline/conversations/playground-channel/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'help', channelData: { persona: 'chair' } }),
      });
      expect(post.status).toBe(403);
      expect((await fetch(`${base}/api/reset`, { method: 'POST' })).status).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
