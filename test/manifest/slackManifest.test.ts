import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SLASH_COMMANDS } from '../../src/adapters/slack/commands.js';
import { LOG_MESSAGE_SHORTCUT } from '../../src/adapters/slack/actions.js';
import { SLACK_EVENTS } from '../../src/adapters/slack/home.js';

const manifest: unknown = JSON.parse(readFileSync(new URL('../../manifest/slack-app-manifest.json', import.meta.url), 'utf8'));
const EVENTS_URL = 'https://YOUR-HOST/slack/events';

// The parts of Slack's manifest schema this app uses, with Slack's limits. Taken from
// slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json (draft-07; every object there has
// additionalProperties: false, hence strictObject). Written out here rather than copied.
const url = z.string().regex(/^https?:\/\//).max(3000);
const slackManifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.int(), minor_version: z.int() }).partial().optional(),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140).optional(),
    background_color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/).optional(),
    long_description: z.string().min(175).max(4000).optional(),
  }),
  features: z.strictObject({
    app_home: z.strictObject({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }).partial().optional(),
    bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() }),
    shortcuts: z
      .array(z.strictObject({ name: z.string().min(1).max(24), type: z.enum(['message', 'global']), callback_id: z.string().min(1).max(255), description: z.string().min(1).max(150) }))
      .min(1)
      .max(10),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().min(2).max(32).regex(/^\//),
          url: url.optional(),
          description: z.string().min(1).max(2000),
          usage_hint: z.string().min(1).max(1000).optional(),
          should_escape: z.boolean().optional(),
        }),
      )
      .min(1)
      .max(50),
  }),
  oauth_config: z.strictObject({ scopes: z.strictObject({ bot: z.array(z.string().max(50)).max(255) }) }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: url.max(3500), bot_events: z.array(z.string().max(50)).max(100) }).optional(),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: url.max(3500).optional(), message_menu_options_url: url.max(3500).optional() }),
    org_deploy_enabled: z.boolean().optional(),
    socket_mode_enabled: z.boolean().optional(),
    token_rotation_enabled: z.boolean().optional(),
  }),
});

const parsed = slackManifestSchema.parse(manifest);

describe('Slack app manifest', () => {
  it('fits the shape and limits of Slack’s manifest schema', () => {
    expect(slackManifestSchema.safeParse(manifest).success).toBe(true);
  });

  it('declares exactly the slash commands the bot answers, each sent to /slack/events', () => {
    const commands = parsed.features.slash_commands;
    expect(commands.map((c) => c.command).sort()).toEqual([...SLASH_COMMANDS].sort());
    for (const command of commands) {
      expect(command.url).toBe(EVENTS_URL);
      expect(command.usage_hint).toBeTruthy();
      // Escaped, so "/pq admin role @sam" arrives as <@U123|sam> and the bot knows who is meant.
      expect(command.should_escape).toBe(true);
    }
  });

  it('offers "Log as intelligence" on messages with the callback the bot listens for', () => {
    expect(parsed.features.shortcuts).toEqual([expect.objectContaining({ name: 'Log as intelligence', type: 'message', callback_id: LOG_MESSAGE_SHORTCUT })]);
  });

  it('subscribes to exactly the events the bot handles, at /slack/events', () => {
    expect(parsed.settings.event_subscriptions).toEqual({ request_url: EVENTS_URL, bot_events: [...SLACK_EVENTS] });
    expect(parsed.features.app_home?.home_tab_enabled).toBe(true);
  });

  it('sends buttons, forms and the provider type-ahead to /slack/events', () => {
    expect(parsed.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL, message_menu_options_url: EVENTS_URL });
    expect(parsed.settings.socket_mode_enabled).toBe(false);
  });

  it('asks for the bot scopes the bot uses and no user scopes', () => {
    expect(parsed.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'chat:write.public']));
    expect(parsed.oauth_config.scopes).not.toHaveProperty('user');
  });
});
