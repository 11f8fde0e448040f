import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCommand } from '../../src/core/commands/parseCommand.js';
import { LOG_MESSAGE_COMMAND } from '../../src/adapters/teams/teamsBot.js';
import { readPng } from './zipAndPng.js';

const teamsDir = new URL('../../manifest/teams/', import.meta.url);
const template: unknown = JSON.parse(readFileSync(new URL('manifest.json', teamsDir), 'utf8'));

// The parts of the Teams app manifest schema v1.17 this app uses, with Teams' limits
// (https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json, as documented
// on learn.microsoft.com "App manifest schema"). Placeholders stand where the packaging script fills in values.
const placeholder = z.string().regex(/^\$\{\w+\}$/);
const scope = z.enum(['team', 'personal', 'groupChat']);
const command = z.strictObject({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) });
const teamsManifestSchema = z.strictObject({
  $schema: z.literal('https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json'),
  manifestVersion: z.literal('1.17'),
  version: z.string(),
  id: z.string(),
  developer: z.strictObject({ name: z.string().max(32), websiteUrl: z.string(), privacyUrl: z.string(), termsOfUseUrl: z.string() }),
  name: z.strictObject({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.strictObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.strictObject({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  bots: z
    .array(
      z.strictObject({
        botId: z.string(),
        scopes: z.array(scope).min(1).max(3),
        supportsFiles: z.boolean(),
        isNotificationOnly: z.boolean(),
        commandLists: z.array(z.strictObject({ scopes: z.array(scope).min(1).max(3), commands: z.array(command).max(10) })).max(3),
      }),
    )
    .length(1),
  composeExtensions: z
    .array(
      z.strictObject({
        botId: z.string(),
        commands: z
          .array(
            z.strictObject({
              id: z.string().max(64),
              type: z.enum(['query', 'action']),
              title: z.string().min(1).max(32),
              description: z.string().max(128),
              context: z.array(z.enum(['compose', 'commandBox', 'message'])).max(3),
              fetchTask: z.boolean(),
            }),
          )
          .max(10),
      }),
    )
    .length(1),
  validDomains: z.array(z.string().max(2048)).max(16),
});

const manifest = teamsManifestSchema.parse(template);
const bot = manifest.bots[0]!;

describe('Teams app manifest template', () => {
  it('fits the shape and limits of the Teams v1.17 manifest schema', () => {
    expect(teamsManifestSchema.safeParse(template).success).toBe(true);
  });

  it('leaves the IDs for the packaging script to fill in', () => {
    expect(placeholder.parse(manifest.id)).toBe('${TEAMS_APP_ID}');
    expect(bot.botId).toBe('${MICROSOFT_APP_ID}');
    expect(manifest.composeExtensions[0]!.botId).toBe('${MICROSOFT_APP_ID}');
  });

  it('lets people use the bot in a personal chat, a team and a group chat', () => {
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    const listed = bot.commandLists.flatMap((list) => list.scopes);
    expect(listed).toEqual(expect.arrayContaining(['personal', 'team']));
  });

  it('suggests only commands the bot understands', () => {
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title)).toEqual(['cq1', 'intel', 'feedback', 'provider', 'subscribe', 'unsubscribe', 'subscriptions', 'matrix', 'outcome', 'help']);
      expect(list.commands.length).toBeLessThanOrEqual(10); // Teams shows at most 10 per list
      for (const { title } of list.commands) {
        // Choosing a suggestion types its title; the bot must not answer "I do not know".
        const intent = parseCommand(title);
        if (intent.type === 'invalid') expect(intent.message).not.toMatch(/do not know/);
      }
    }
  });

  it('offers "Log as intelligence" on messages, handled by the bot’s message action', () => {
    expect(manifest.composeExtensions[0]!.commands).toEqual([
      { id: LOG_MESSAGE_COMMAND, type: 'action', title: 'Log as intelligence', description: expect.any(String), context: ['message'], fetchTask: true },
    ]);
  });

  it('has a 192 by 192 colour icon and a 32 by 32 outline icon that is white on transparent', () => {
    const color = readPng(readFileSync(new URL('color.png', teamsDir)));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(readFileSync(new URL('outline.png', teamsDir)));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a! > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    // Something is drawn, and the corners are see-through.
    expect(opaque).toBeGreaterThan(100);
    expect(outline.pixels[3]).toBe(0);
  });
});
