import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEvent, Intelligence, RatingHistory, ReviewTrigger, RiskState, User } from '../../models/index.js';
import { nightlyRecompute, settleRatingChanges } from '../../jobs/riskJobs.js';
import { setRiskConfig } from '../../src/app/risk/index.js';
import { defaultRiskConfig } from '../../src/core/risk/index.js';
import { clearCollections, useDatabase } from '../helpers/database.js';
import { FakeSlack } from '../helpers/fakeSlack.js';
import { FakeTeamsConnector, postActivity, teamsActivity, type ActivityOptions } from '../helpers/fakeTeams.js';
import { startBot, type RunningBot } from '../helpers/botServer.js';
import { interactiveBody, nextTriggerId, postSigned, slashCommandBody } from '../helpers/slackRequests.js';
import { seedProviders, subscribeChannel } from '../helpers/seed.js';

// The Risk Matrix end to end, through the real Bolt app and the real CloudAdapter: a CQ1 moves a provider
// into another band and both platforms hear once; the chair sets the rating; the matrix lists and exports.

useDatabase();

let slack: FakeSlack;
let teams: FakeTeamsConnector;
let bot: RunningBot;
let providers: Awaited<ReturnType<typeof seedProviders>>;

const TEAMS_CHANNEL = '19:ratings@thread.tacv2';
const HOUR = 3_600_000;
type Json = Record<string, unknown>;
type Card = { body: Json[]; actions?: Json[] };
const text = (value: unknown) => JSON.stringify(value);
const today = () => new Date().toISOString().slice(0, 10);
let seq = 0;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  teams = await new FakeTeamsConnector().start();
  bot = await startBot(slack.url);
});
afterAll(async () => {
  await bot.close();
  await Promise.all([slack.stop(), teams.stop()]);
});
beforeEach(async () => {
  await clearCollections();
  setRiskConfig(defaultRiskConfig);
  slack.reset();
  teams.reset();
  providers = await seedProviders();
  slack.answers.set('conversations.open', () => ({ json: { ok: true, channel: { id: 'D-U100' } } }));
  slack.answers.set('files.getUploadURLExternal', () => ({ json: { ok: true, upload_url: `${slack.url}upload/F1`, file_id: 'F1' } }));
  slack.answers.set('files.completeUploadExternal', () => ({ json: { ok: true, files: [{ id: 'F1' }] } }));
});

async function waitUntil<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Intelligence already on record before the test starts. */
async function onRecord(providerId: unknown, count: number, fields: Json = {}) {
  for (let i = 0; i < count; i++) {
    seq++;
    await new Intelligence({
      reference: `INT-OLD-${seq}`,
      idempotencyKey: `old-${seq}-${Math.random()}`,
      providerId,
      source: 'cq1',
      sentiment: 'adverse',
      eventDate: new Date(Date.now() - (10 + i) * 24 * HOUR),
      summary: 'An earlier concern.',
      urgency: 'routine',
      loggedBy: { platform: 'slack', userId: 'U9' },
      ...fields,
    }).save();
  }
}

// --- Slack ---
function button(actionId: string, value: string, user = 'U100', extra: Json = {}) {
  return interactiveBody({
    type: 'block_actions',
    trigger_id: nextTriggerId(),
    team: { id: 'T1' },
    user: { id: user, name: user.toLowerCase() },
    channel: { id: 'C-RATINGS' },
    container: { type: 'message', channel_id: 'C-RATINGS', message_ts: '1700000000.000100' },
    response_url: slack.responseUrl(user),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1' }],
    ...extra,
  });
}

function viewSubmission(modal: Json, state: Record<string, Json>, user = 'U100') {
  const values: Record<string, Json> = {};
  for (const [field, value] of Object.entries(state)) values[field] = { [field]: value };
  return interactiveBody({
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: user, name: user.toLowerCase() },
    api_app_id: 'A1',
    trigger_id: nextTriggerId(),
    view: { id: 'V1', hash: 'h1', callback_id: modal.callback_id, private_metadata: modal.private_metadata, blocks: modal.blocks, state: { values } },
  });
}

async function slackModalAfter(body: string): Promise<Json> {
  const before = slack.callsTo('views.open').length;
  await postSigned(bot.baseUrl, body);
  const opened = await slack.waitFor('views.open', before + 1);
  return opened[before]!.body.view as Json;
}

async function slashCommand(words: string, user = 'U100') {
  const before = slack.callsTo(`response/${user}`).length;
  const res = await postSigned(bot.baseUrl, slashCommandBody('/pq', words, { user_id: user, response_url: slack.responseUrl(user) }));
  expect(res.status).toBe(200);
  const responses = await slack.waitFor(`response/${user}`, before + 1);
  return responses[before]!.body;
}

async function logCq1OnSlack(providerId: string) {
  const modal = await slackModalAfter(slashCommandBody('/cq1', '', { response_url: slack.responseUrl() }));
  return postSigned(
    bot.baseUrl,
    viewSubmission(modal, {
      provider: { type: 'external_select', selected_option: { value: providerId } },
      sentiment: { type: 'radio_buttons', selected_option: { value: 'adverse' } },
      themes: { type: 'multi_static_select', selected_options: [{ value: 'medication' }] },
      eventDate: { type: 'datepicker', selected_date: today() },
      summary: { type: 'plain_text_input', value: 'Medication was given late again.' },
      serviceUserRef: { type: 'plain_text_input', value: '' },
      urgency: { type: 'radio_buttons', selected_option: { value: 'urgent' } },
    }),
  );
}

// --- Teams ---
const teamsOpts = (extra: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: teams.url, ...extra });

async function say(words: string, extra: Partial<ActivityOptions> = {}) {
  const activity = teamsActivity({ type: 'message', text: words }, teamsOpts(extra));
  const conversationId = (activity.conversation as { id: string }).id;
  const before = teams.sentTo(conversationId).length;
  await postActivity(bot.baseUrl, activity);
  const sent = await teams.waitForSent(conversationId, before + 1);
  return sent[before]!.activity as { text: string; attachments: Array<{ contentType: string; content: Card; contentUrl?: string; name?: string }> };
}

async function execute(verb: string, data: Json, extra: Partial<ActivityOptions> = {}): Promise<Card> {
  const res = await postActivity(bot.baseUrl, teamsActivity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, teamsOpts(extra)));
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: Card }).value;
}

async function subscribeBoth() {
  await subscribeChannel('slack', 'C-RATINGS', ['rating-changes'], 'adults');
  const reply = await say('subscribe rating-changes adults', { conversationId: `${TEAMS_CHANNEL};messageid=1`, conversationType: 'channel' });
  expect(text(reply)).toContain('Subscribed');
}

const slackPostsTo = (channel: string) => slack.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);
const chair = async (platform: 'slack' | 'teams', id: string) => User.create({ platform, platformUserId: id, roles: ['chair', 'social-worker'] });

describe('a CQ1 moves a provider into another band', () => {
  it('recomputes, raises a review card, and after the band holds announces it once on Slack and on Teams', async () => {
    await subscribeBoth();
    const { river } = providers;
    await onRecord(river._id, 4); // 2 (no CQC rating) + 4 CQ1s x 2, a little decayed: 9.3, Green
    await nightlyRecompute();
    const baseline = await RiskState.findOne({ providerId: river._id }).lean();
    expect(baseline!.computed!.rating).toBe('Green');

    const res = await logCq1OnSlack(String(river._id));
    expect(res.status).toBe(200);
    // Recompute after the save: 11.3, Amber, waiting to settle; 5 adverse items in 90 days raise a review card.
    await waitUntil(async () => (await RiskState.findOne({ providerId: river._id, 'band.pending.rating': 'Amber' }).lean()) as Json | null, 'the pending band');
    await slack.waitFor('chat.postMessage', 1);
    const reviewCard = await waitUntil(async () => slackPostsTo('C-RATINGS').find((p) => text(p.body.blocks).includes('Review this provider')), 'the review card');
    expect(text(reviewCard.body.blocks)).toContain('5 adverse items in the last 90 days');
    const teamsReview = await teams.waitForSent(TEAMS_CHANNEL, 1);
    expect(text(teamsReview[0]!.activity)).toContain('Review this provider: Riverside Home Care');
    expect(slackPostsTo('C-RATINGS').filter((p) => text(p.body.blocks).includes('Computed rating changed'))).toHaveLength(0);

    // The hourly job, a day later: the change has held, so it is announced.
    await settleRatingChanges(new Date(Date.now() + 25 * HOUR));
    await settleRatingChanges(new Date(Date.now() + 26 * HOUR));
    await nightlyRecompute(new Date(Date.now() + 27 * HOUR));
    const alerts = slackPostsTo('C-RATINGS').filter((p) => text(p.body.blocks).includes('Computed rating changed'));
    expect(alerts).toHaveLength(1);
    const blocks = text(alerts[0]!.body.blocks);
    expect(blocks).toContain('Riverside Home Care');
    expect(blocks).toContain('Green to Amber');
    expect(blocks).toContain('CQ1 concern reports');
    expect(blocks).toContain('"action_id":"provider.view"');
    expect(blocks).toContain('"action_id":"rating.set"');
    const teamsAlerts = teams.sentTo(TEAMS_CHANNEL).filter((s) => text(s.activity).includes('Computed rating changed'));
    expect(teamsAlerts).toHaveLength(1);
    const card = (teamsAlerts[0]!.activity.attachments as Array<{ content: Card }>)[0]!.content;
    expect(card.actions!.map((a) => a.verb)).toEqual(['provider.view', 'rating.set']);
  });
});

describe('the chair sets the rating', () => {
  it('on Slack: a button opens the form, the save is kept with history and audit, and both platforms hear once', async () => {
    await subscribeBoth();
    await chair('slack', 'U100');
    const oak = String(providers.oak._id);
    const modal = await slackModalAfter(button('rating.set', oak));
    expect(modal.callback_id).toBe('rating.submit');
    expect(JSON.parse(String(modal.private_metadata))).toEqual({ providerId: oak, expectedVersion: 0 });

    const empty = await postSigned(bot.baseUrl, viewSubmission(modal, { rating: { type: 'radio_buttons', selected_option: { value: 'Red' } }, rationale: { type: 'plain_text_input', value: ' ' } }));
    expect(await empty.json()).toEqual({ response_action: 'errors', errors: { rationale: 'Say why you chose this rating' } });

    const res = await postSigned(
      bot.baseUrl,
      viewSubmission(modal, { rating: { type: 'radio_buttons', selected_option: { value: 'Red' } }, rationale: { type: 'plain_text_input', value: 'Medication errors at three visits' } }),
    );
    const ack = (await res.json()) as { response_action: string; view: Json };
    expect(ack.response_action).toBe('update');
    expect(text(ack.view)).toContain('Rating set: Oak Lodge Care Home is Red');
    const state = await RiskState.findOne({ providerId: providers.oak._id }).lean();
    expect(state).toMatchObject({ version: 1, decided: { rating: 'Red', rationale: 'Medication errors at three visits', by: { platform: 'slack', userId: 'U100' } } });
    expect(await RatingHistory.countDocuments({ kind: 'decided', to: 'Red' })).toBe(1);
    expect(await AuditEvent.countDocuments({ action: 'rating.decided', 'actor.userId': 'U100' })).toBe(1);

    await waitUntil(async () => slackPostsTo('C-RATINGS').length === 1 && teams.sentTo(TEAMS_CHANNEL).length === 1, 'the decided alerts');
    expect(text(slackPostsTo('C-RATINGS')[0]!.body.blocks)).toContain('Rating decided for Oak Lodge Care Home: Red');
    expect(text(teams.sentTo(TEAMS_CHANNEL)[0]!.activity)).toContain('Medication errors at three visits');
  });

  it('on Slack: someone who is not the chair is told, and nothing changes', async () => {
    await postSigned(bot.baseUrl, button('rating.set', String(providers.oak._id), 'U200'));
    const [reply] = await slack.waitFor('response/U200');
    expect(text(reply!.body)).toContain('Only the meeting chair can set a provider’s rating');
    expect(slack.callsTo('views.open')).toHaveLength(0);
    expect(await RiskState.countDocuments()).toBe(0);
  });

  it('on Slack: of two chairs saving at once, the later is told the rating changed and keeps their answers', async () => {
    await chair('slack', 'U100');
    await chair('slack', 'U300');
    const oak = String(providers.oak._id);
    const first = await slackModalAfter(button('rating.set', oak, 'U100'));
    const second = await slackModalAfter(button('rating.set', oak, 'U300'));
    const answer = (rating: string, why: string) => ({ rating: { type: 'radio_buttons', selected_option: { value: rating } }, rationale: { type: 'plain_text_input', value: why } });
    await postSigned(bot.baseUrl, viewSubmission(first, answer('Red', 'First view'), 'U100'));
    const late = (await (await postSigned(bot.baseUrl, viewSubmission(second, answer('Amber', 'Second view'), 'U300'))).json()) as { response_action: string; view: Json };
    expect(late.response_action).toBe('update');
    expect(text(late.view)).toContain('The rating changed while you had this form open. It is now Red');
    expect(text(late.view)).toContain('Second view');
    expect(JSON.parse(String(late.view.private_metadata))).toMatchObject({ expectedVersion: 1 });
    expect((await RiskState.findOne({ providerId: providers.oak._id }).lean())!.decided!.rating).toBe('Red');
  });

  it('on Teams: the provider card offers Set rating; the chair saves; others are refused; a stale form is told', async () => {
    await chair('teams', 'aad-chair');
    const chairOpts = { fromAad: 'aad-chair', fromName: 'Chris Chair' };
    const reply = await say('provider Oak Lodge', chairOpts);
    const summary = reply.attachments[0]!.content;
    expect(text(summary)).toContain('Risk Matrix');
    expect(text(summary)).toContain('CQC ratings');
    const setRating = summary.actions!.find((a) => a.verb === 'rating.set')!;

    const refused = await execute('rating.set', setRating.data as Json);
    expect(text(refused)).toContain('Only the meeting chair can set a provider’s rating');

    const form = await execute('rating.set', setRating.data as Json, chairOpts);
    const inputs = form.body.filter((el) => String(el.type).startsWith('Input.'));
    expect(inputs.map((i) => [i.id, i.label])).toEqual([['rating', 'Rating'], ['rationale', 'Why this rating?']]);
    const submit = form.actions!.find((a) => a.verb === 'rating.submit')!;
    const saved = await execute('rating.submit', { ...(submit.data as Json), rating: 'Blue', rationale: 'Suspension agreed at the meeting' }, chairOpts);
    expect(text(saved)).toContain('Rating set: Oak Lodge Care Home is Blue');
    expect(await AuditEvent.countDocuments({ action: 'rating.decided', 'actor.platform': 'teams', 'actor.userId': 'aad-chair' })).toBe(1);

    const stale = await execute('rating.submit', { ...(submit.data as Json), rating: 'Red', rationale: 'Later view' }, chairOpts);
    expect(text(stale)).toContain('The rating changed while you had this form open. It is now Blue, set by Chris Chair');
    expect(text(stale)).toContain('Later view');
    expect((await RiskState.findOne({ providerId: providers.oak._id }).lean())!.decided!.rating).toBe('Blue');

    const notChair = await execute('rating.submit', { ...(submit.data as Json), rating: 'Green', rationale: 'x' });
    expect(text(notChair)).toContain('Not permitted');
    expect(await RatingHistory.countDocuments({ kind: 'decided' })).toBe(1);
  });
});

describe('review cards', () => {
  it('are dismissed with a reason on Slack and opened on Teams', async () => {
    await subscribeBoth();
    await User.create({ platform: 'slack', platformUserId: 'U100', roles: ['quality-officer'] });
    await User.create({ platform: 'teams', platformUserId: 'aad-qo', roles: ['quality-officer'] });
    const { river, oak } = providers;
    await onRecord(river._id, 2);
    await logCq1OnSlack(String(river._id));
    const trigger = await waitUntil(() => ReviewTrigger.findOne({ providerId: river._id }).lean(), 'the review trigger');

    const modal = await slackModalAfter(button('review.dismiss', String(trigger._id)));
    expect(modal.callback_id).toBe('review.dismiss');
    const blank = await postSigned(bot.baseUrl, viewSubmission(modal, { reason: { type: 'plain_text_input', value: '' } }));
    expect(await blank.json()).toEqual({ response_action: 'errors', errors: { reason: 'Say why you are dismissing this' } });
    await postSigned(bot.baseUrl, viewSubmission(modal, { reason: { type: 'plain_text_input', value: 'Discussed at the May meeting' } }));
    const [update] = await slack.waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'C-RATINGS', ts: '1700000000.000100' });
    expect(text(update!.body.blocks)).toContain('Discussed at the May meeting');
    expect((await ReviewTrigger.findById(trigger._id).lean())!.status).toBe('dismissed');

    await onRecord(oak._id, 2);
    await logCq1OnSlack(String(oak._id));
    const oakTrigger = await waitUntil(() => ReviewTrigger.findOne({ providerId: oak._id }).lean(), 'the second trigger');
    const refused = await execute('review.open', { value: String(oakTrigger._id) });
    expect(text(refused)).toContain('Only the quality team can open or dismiss a review');
    const opened = await execute('review.open', { value: String(oakTrigger._id) }, { fromAad: 'aad-qo', fromName: 'Quinn Officer' });
    expect(text(opened)).toContain('Review opened by Quinn Officer');
    expect(opened.actions!.map((a) => a.verb)).toEqual(['provider.view']);
  });
});

describe('the matrix', () => {
  async function rated() {
    await chair('slack', 'U100');
    await nightlyRecompute();
    const modal = await slackModalAfter(button('rating.set', String(providers.river._id)));
    await postSigned(bot.baseUrl, viewSubmission(modal, { rating: { type: 'radio_buttons', selected_option: { value: 'Blue' } }, rationale: { type: 'plain_text_input', value: 'Agreed' } }));
    await waitUntil(async () => (await RiskState.findOne({ 'decided.rating': 'Blue' }).lean()) as Json | null, 'the decided rating');
  }

  it('lists providers most severe first on Slack, and exports the CSV to the person’s direct messages', async () => {
    await rated();
    const listed = await slashCommand('matrix adults');
    const blocks = text(listed.blocks);
    expect(blocks).toContain('Risk Matrix: adults');
    expect(blocks.indexOf('Riverside Home Care')).toBeLessThan(blocks.indexOf('Oak Lodge Care Home'));
    expect(blocks).not.toContain('Willow');
    expect(text(await slashCommand('matrix purple'))).toContain('\\"purple\\" is not on the rating scale. Use one of: Blue, Red, Amber, Green.');

    await slashCommand('matrix export');
    const [upload] = await slack.waitFor('upload/F1');
    const [complete] = await slack.waitFor('files.completeUploadExternal');
    expect(complete!.body.channel_id).toBe('D-U100');
    const csv = text(upload!.body);
    expect(csv).toContain('Provider,Reference,Client group,Rating');
    expect(csv).toContain('Riverside Home Care,P-RIV,adults,Blue,Blue');
    expect(csv).toContain('Willow');
  });

  it('on Teams, "matrix" lists and "matrix export" attaches the CSV', async () => {
    await rated();
    const list = await say('matrix');
    expect(text(list.attachments[0]!.content)).toContain('Risk Matrix: all providers');
    expect(list.attachments[0]!.content.actions!.map((a) => a.verb)).toEqual(['matrix.export']);
    const exported = await say('matrix export');
    const file = exported.attachments.find((a) => a.contentType === 'text/csv')!;
    expect(file.name).toMatch(/^risk-matrix-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = Buffer.from(file.contentUrl!.replace(/^data:text\/csv;base64,/, ''), 'base64').toString('utf8');
    expect(csv.split('\r\n')[1]).toMatch(/^Riverside Home Care,P-RIV,adults,Blue/);
  });
});
