import { describe, expect, it } from 'vitest';
import { AuditEvent, Intelligence, Subscription, User } from '../../models/index.js';
import { ensureBootstrapAdmins } from '../../src/app/users.js';
import { useBotHarness } from '../helpers/harness.js';
import { eventBody, interactiveBody, postSigned, slashCommandBody } from '../helpers/slackRequests.js';

const h = useBotHarness();

/** Runs a slash command and returns what the bot sent back to the response_url. */
async function command(name: string, text: string, extra: Record<string, string> = {}) {
  const before = h.slack.callsTo('response/r1').length;
  const res = await postSigned(h.bot.baseUrl, slashCommandBody(name, text, { response_url: h.slack.responseUrl(), ...extra }));
  expect(res.status).toBe(200);
  const calls = await h.slack.waitFor('response/r1', before + 1);
  const body = calls[calls.length - 1]!.body as { response_type: string; text: string; blocks: unknown[] };
  return { ...body, all: JSON.stringify(body.blocks) };
}

describe('Slack: commands', () => {
  it('/provider shows a summary with services, latest intelligence and an add button', async () => {
    await Intelligence.create({
      reference: 'INT-000001', idempotencyKey: 'k1', providerId: h.providers.oak._id, source: 'complaint', sentiment: 'adverse',
      themes: [], eventDate: new Date('2026-11-01'), summary: 'Call bells not answered at night.', urgency: 'routine',
      loggedBy: { platform: 'slack', userId: 'U1' },
    });
    const reply = await command('/provider', 'oak lodge');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.all).toContain('Oak Lodge Care Home');
    expect(reply.all).toContain('Oak Lodge (Care home)');
    expect(reply.all).toContain('Call bells not answered at night.');
    expect(reply.all).toContain('"action_id":"intel.open"');
  });

  it('/provider suggests the closest names when nothing matches', async () => {
    const reply = await command('/provider', 'Riversid Homecare');
    expect(reply.all).toContain('Did you mean one of these?');
    expect(reply.all).toContain('Riverside Home Care');
  });

  it('/provider says what a new provider looks like when it has no intelligence yet', async () => {
    const reply = await command('/provider', 'riverside');
    expect(reply.all).toContain('Nothing logged yet');
  });

  it('/pq subscribe, subscriptions and unsubscribe manage the channel’s events', async () => {
    const subscribed = await command('/pq', 'subscribe rating-changes intelligence children');
    expect(subscribed.all).toContain('This channel will now receive: rating-changes, intelligence.');
    expect(await Subscription.findOne({ platform: 'slack', channelId: 'C100' }).lean()).toMatchObject({ kinds: ['rating-changes', 'intelligence'], clientGroup: 'children' });
    expect((await command('/pq', 'subscriptions')).all).toContain('rating-changes, intelligence');
    const unsubscribed = await command('/pq', 'unsubscribe intelligence');
    expect(unsubscribed.all).toContain('It still receives: rating-changes.');
    expect(await AuditEvent.countDocuments({ action: 'subscription.changed' })).toBe(2);
  });

  it('/pq subscribe explains a word it does not know', async () => {
    const reply = await command('/pq', 'subscribe gossip');
    expect(reply.all).toContain('\\"gossip\\" is not something you can subscribe to');
    expect(await Subscription.countDocuments()).toBe(0);
  });

  it('/pq help lists the Slack commands', async () => {
    const reply = await command('/pq', 'help');
    expect(reply.all).toContain('/cq1');
    expect(reply.all).toContain('/pq subscribe');
  });

  it('/pq admin role: refused politely for non-admins, done for admins', async () => {
    const refused = await command('/pq', 'admin role <@U200|jo> quality-officer');
    expect(refused.all).toContain('Not permitted');
    expect(refused.all).toContain('Ask whoever set up the bot');
    expect(await User.countDocuments({ platformUserId: 'U200' })).toBe(0);

    await ensureBootstrapAdmins(['slack:U100']);
    const done = await command('/pq', 'admin role <@U200|jo> quality-officer');
    expect(done.all).toContain('jo now has the role Care quality officer');
    expect(await User.findOne({ platform: 'slack', platformUserId: 'U200' }).lean()).toMatchObject({ roles: expect.arrayContaining(['quality-officer']) });
  });
});

describe('Slack: buttons and shortcuts', () => {
  it('"Log as intelligence" on a message opens the form with its text and a link to it', async () => {
    await postSigned(
      h.bot.baseUrl,
      interactiveBody({
        type: 'message_action',
        callback_id: 'log_as_intelligence',
        trigger_id: 'tr-shortcut',
        team: { id: 'T1' },
        user: { id: 'U100', name: 'sam' },
        channel: { id: 'C100', name: 'quality-team' },
        message: { type: 'message', ts: '1700000000.000100', text: 'Heard from a nurse that night staffing at Oak Lodge is very thin.' },
        response_url: h.slack.responseUrl(),
      }),
    );
    const [open] = await h.slack.waitFor('views.open');
    const view = JSON.stringify(open!.body.view);
    expect(view).toContain('Heard from a nurse that night staffing at Oak Lodge is very thin.');
    expect(view).toContain('https://example.slack.com/archives/C1/p1');
    expect(h.slack.callsTo('chat.getPermalink')[0]!.body).toMatchObject({ channel: 'C100', message_ts: '1700000000.000100' });
  });

  it('"Add intelligence" on the provider card opens the form with the provider chosen', async () => {
    await postSigned(
      h.bot.baseUrl,
      interactiveBody({
        type: 'block_actions',
        trigger_id: 'tr-add',
        team: { id: 'T1' },
        user: { id: 'U100', name: 'sam' },
        channel: { id: 'C100' },
        response_url: h.slack.responseUrl(),
        actions: [{ type: 'button', action_id: 'intel.open', block_id: 'b1', value: String(h.providers.river._id), action_ts: '1' }],
      }),
    );
    const [open] = await h.slack.waitFor('views.open');
    const provider = (open!.body.view as { blocks: Array<{ block_id?: string; element?: { initial_option?: { value: string } } }> }).blocks.find((b) => b.block_id === 'provider');
    expect(provider!.element!.initial_option!.value).toBe(String(h.providers.river._id));
  });
});

describe('Slack: Home tab', () => {
  it('shows what the bot does when someone opens its Home tab, once per event however often Slack retries', async () => {
    const body = eventBody({ type: 'app_home_opened', user: 'U100', channel: 'D100', tab: 'home' }, 'EvHOME1');
    expect((await postSigned(h.bot.baseUrl, body, { json: true })).status).toBe(200);
    const [publish] = await h.slack.waitFor('views.publish');
    expect(publish!.body.user_id).toBe('U100');
    const view = JSON.stringify(publish!.body.view);
    expect(view).toContain('Hello. I help the team keep track of provider quality.');
    expect(view).toContain('/cq1');
    expect((await postSigned(h.bot.baseUrl, body, { json: true, retryNum: 1 })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.slack.callsTo('views.publish')).toHaveLength(1);
  });
});
