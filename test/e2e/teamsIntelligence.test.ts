import { describe, expect, it } from 'vitest';
import { AuditEvent, Intelligence, Subscription, User } from '../../models/index.js';
import { ensureBootstrapAdmins } from '../../src/app/users.js';
import { postActivity, teamsActivity, type ActivityOptions } from '../helpers/fakeTeams.js';
import { useBotHarness } from '../helpers/harness.js';
import { subscribeChannel } from '../helpers/seed.js';

const h = useBotHarness();

type Card = { body: Array<Record<string, unknown>>; actions: Array<Record<string, unknown>> };
const opts = (extra: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: h.teams.url, ...extra });

async function say(text: string, extra: Partial<ActivityOptions> = {}, fields: Record<string, unknown> = {}) {
  const activity = teamsActivity({ type: 'message', text, ...fields }, opts(extra));
  const res = await postActivity(h.bot.baseUrl, activity);
  expect(res.status).toBeLessThan(300);
  const conversationId = (activity.conversation as { id: string }).id;
  const [reply] = (await h.teams.waitForSent(conversationId)).slice(-1);
  return { activity, reply: reply!.activity as { text: string; attachments: Array<{ contentType: string; content: Card }> } };
}

async function invoke(name: string, value: Record<string, unknown>, extra: Partial<ActivityOptions> = {}) {
  const res = await postActivity(h.bot.baseUrl, teamsActivity({ type: 'invoke', name, value }, opts(extra)));
  expect(res.status).toBe(200);
  return res.json() as Promise<Record<string, unknown>>;
}

const cardText = (card: unknown) => JSON.stringify(card);

function formInputs(card: Card) {
  return card.body.filter((el) => String(el.type).startsWith('Input.'));
}

function submitData(card: Card) {
  const submit = card.actions.find((a) => a.verb === 'intel.submit')!;
  return submit.data as Record<string, unknown>;
}

const goodInputs = () => ({
  provider: String(h.providers.oak._id),
  sentiment: 'adverse',
  themes: 'medication,staffing',
  eventDate: '2026-11-20',
  summary: 'Two residents missed lunchtime medication on Tuesday.',
  urgency: 'urgent',
});

describe('Teams: logging intelligence', () => {
  it('answers "cq1" with the form card, every input labelled', async () => {
    const { reply } = await say('cq1');
    const card = reply.attachments[0]!.content;
    expect(reply.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const inputs = formInputs(card);
    expect(inputs.map((i) => i.id)).toEqual(['provider', 'service', 'source', 'sentiment', 'themes', 'eventDate', 'summary', 'serviceUserRef', 'urgency']);
    expect(inputs.every((i) => typeof i.label === 'string' && (i.label as string).length > 0)).toBe(true);
    expect(cardText(card)).toContain('Oak Lodge Care Home');
  });

  it('accepts a leading "pq" and strips the @mention in channels', async () => {
    const mention = { type: 'mention', text: '<at>Provider Quality</at>', mentioned: { id: '28:bot', name: 'Provider Quality' } };
    const { reply } = await say('<at>Provider Quality</at> pq help', { conversationId: '19:quality@thread.tacv2', conversationType: 'channel' }, { entities: [mention] });
    expect(reply.attachments[0]!.content.body[0]!.text).toBe('What I can do');
    expect(cardText(reply.attachments[0]!.content)).toContain('subscribe <kinds>');
    expect(cardText(reply.attachments[0]!.content)).not.toContain('/pq');
  });

  it('saves a submission, answers with the confirmation card and audits it as Teams', async () => {
    const { reply } = await say('cq1');
    const data = submitData(reply.attachments[0]!.content);
    const response = await invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'intel.submit', data: { ...data, ...goodInputs() } }, trigger: 'manual' });
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const saved = await Intelligence.findOne().lean();
    expect(saved).toMatchObject({ source: 'cq1', themes: ['medication', 'staffing'], loggedBy: { platform: 'teams', userId: 'aad-sam' } });
    expect(cardText(response.value)).toContain(saved!.reference);
    expect(await AuditEvent.countDocuments({ action: 'intelligence.logged', 'actor.platform': 'teams' })).toBe(1);
  });

  it('re-shows the card with errors, keeps what was typed, and saves nothing', async () => {
    const { reply } = await say('intel');
    const data = submitData(reply.attachments[0]!.content);
    const response = await invoke('adaptiveCard/action', {
      action: { type: 'Action.Execute', verb: 'intel.submit', data: { ...data, ...goodInputs(), source: '', summary: 'x'.repeat(3001) } },
    });
    const card = response.value as Card;
    const text = cardText(card);
    expect(text).toContain('Choose where this came from');
    expect(text).toContain('What happened must be 3000 characters or fewer');
    expect(formInputs(card).find((i) => i.id === 'themes')!.value).toBe('medication,staffing');
    expect(await Intelligence.countDocuments()).toBe(0);
  });

  it('suggests the closest providers when the name is not known', async () => {
    const { reply } = await say('intel');
    const data = submitData(reply.attachments[0]!.content);
    const response = await invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'intel.submit', data: { ...data, ...goodInputs(), source: 'complaint', provider: 'Oak Lodg Care' } } });
    expect(cardText(response.value)).toContain('Did you mean: Oak Lodge Care Home');
    expect(await Intelligence.countDocuments()).toBe(0);
  });

  it('saves once when Teams sends the same submission twice', async () => {
    const { reply } = await say('cq1');
    const value = { action: { type: 'Action.Execute', verb: 'intel.submit', data: { ...submitData(reply.attachments[0]!.content), ...goodInputs() } } };
    const [a, b] = await Promise.all([invoke('adaptiveCard/action', value), invoke('adaptiveCard/action', value)]);
    expect(await Intelligence.countDocuments()).toBe(1);
    const reference = (await Intelligence.findOne().lean())!.reference;
    expect(cardText(a.value)).toContain(reference);
    expect(cardText(b.value)).toContain(reference);
  });

  it('answers a re-sent message once', async () => {
    const activity = teamsActivity({ type: 'message', text: 'help' }, opts());
    await postActivity(h.bot.baseUrl, activity);
    await postActivity(h.bot.baseUrl, activity);
    await h.teams.waitForSent('a:personal-chat-1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.teams.sentTo('a:personal-chat-1')).toHaveLength(1);
  });

  it('searches providers as you type in the picker', async () => {
    const response = await invoke('application/search', { kind: 'search', queryText: 'river', dataset: 'providers', queryOptions: { skip: 0, top: 15 } });
    expect(response).toMatchObject({ statusCode: 200, value: { results: [{ title: 'Riverside Home Care', value: String(h.providers.river._id) }] } });
  });

  it('"Log as intelligence" on a message opens the form filled in, and saves from the dialog', async () => {
    const fetched = await invoke('composeExtension/fetchTask', {
      commandId: 'logAsIntelligence',
      commandContext: 'message',
      messagePayload: { body: { contentType: 'html', content: '<p>Staff said the lift at Oak Lodge has been broken for a week.</p>' }, linkToMessage: 'https://h.teams.microsoft.com/l/message/19:abc/123' },
    });
    const card = (fetched as { task: { value: { card: { content: Card } } } }).task.value.card.content;
    expect(formInputs(card).find((i) => i.id === 'summary')!.value).toBe('Staff said the lift at Oak Lodge has been broken for a week.');
    const submit = card.actions.find((a) => a.type === 'Action.Submit')!;
    const data = { ...(submit.data as object), ...goodInputs(), source: 'professional-feedback', summary: 'Lift broken for a week.' };
    const submitted = await invoke('composeExtension/submitAction', { commandId: 'logAsIntelligence', commandContext: 'message', data });
    expect(cardText(submitted)).toContain('Saved');
    const saved = await Intelligence.findOne().lean();
    expect(saved).toMatchObject({ source: 'professional-feedback', messageLink: 'https://h.teams.microsoft.com/l/message/19:abc/123' });
  });
});

describe('Teams: channels and roles', () => {
  const channel = { conversationId: '19:adults@thread.tacv2;messageid=1700', conversationType: 'channel' as const };

  it('subscribes a channel, then posts adverse intelligence there once', async () => {
    const { reply } = await say('subscribe intelligence adults', channel);
    expect(cardText(reply.attachments[0]!.content)).toContain('Subscribed');
    const stored = await Subscription.findOne({ platform: 'teams' }).lean();
    expect(stored).toMatchObject({ channelId: '19:adults@thread.tacv2', kinds: ['intelligence'], clientGroup: 'adults' });

    const { reply: form } = await say('cq1');
    await invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'intel.submit', data: { ...submitData(form.attachments[0]!.content), ...goodInputs() } } });
    const [alert] = await h.teams.waitForSent('19:adults@thread.tacv2');
    expect(cardText(alert!.activity)).toContain('CQ1 concern report about Oak Lodge Care Home');
  });

  it('keeps retrying a rate-limited channel post and posts it once', async () => {
    await say('subscribe intelligence', channel);
    const { reply: form } = await say('cq1');
    h.teams.failNextPosts = 2;
    await invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'intel.submit', data: { ...submitData(form.attachments[0]!.content), ...goodInputs() } } });
    await h.teams.waitForSent('19:adults@thread.tacv2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.teams.failNextPosts).toBe(0);
    expect(h.teams.sentTo('19:adults@thread.tacv2')).toHaveLength(1);
  });

  it('will not subscribe a personal chat', async () => {
    const { reply } = await say('subscribe all');
    expect(cardText(reply.attachments[0]!.content)).toContain('Subscriptions are for channels');
    expect(await Subscription.countDocuments()).toBe(0);
  });

  const mentionOf = (name: string, aad: string) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: `29:${aad}`, name } });

  it('lets an admin give a role to a mentioned person, and tells others who can', async () => {
    h.teams.members.set('29:aad-priya', { id: '29:aad-priya', name: 'Priya Patel', aadObjectId: 'aad-priya' });
    const text = 'admin role <at>Priya Patel</at> chair';
    const refused = await say(text, {}, { entities: [mentionOf('Priya Patel', 'aad-priya')] });
    expect(cardText(refused.reply.attachments[0]!.content)).toContain('You do not have a role yet');
    expect(await User.countDocuments({ platformUserId: 'aad-priya' })).toBe(0);

    await ensureBootstrapAdmins(['teams:aad-admin']);
    h.teams.reset();
    const allowed = await say(text, { fromAad: 'aad-admin', fromName: 'Ada Admin' }, { entities: [mentionOf('Priya Patel', 'aad-priya')] });
    expect(cardText(allowed.reply.attachments[0]!.content)).toContain('Priya Patel now has the role Meeting chair');
    expect(await User.findOne({ platform: 'teams', platformUserId: 'aad-priya' }).lean()).toMatchObject({ roles: expect.arrayContaining(['chair']) });
    expect(await AuditEvent.countDocuments({ action: 'user.role-assigned', 'actor.userId': 'aad-admin' })).toBe(1);
  });
});

describe('Teams: first contact', () => {
  it('says hello with the list of commands when the bot is added', async () => {
    const activity = teamsActivity({ type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'Provider Quality' }] }, opts());
    await postActivity(h.bot.baseUrl, activity);
    const [hello] = await h.teams.waitForSent('a:personal-chat-1');
    const text = JSON.stringify(hello!.activity);
    expect(text).toContain('Hello. I help the team keep track of provider quality.');
    expect(text).toContain('cq1: report a concern');
  });

  it('stays quiet when someone else joins', async () => {
    await postActivity(h.bot.baseUrl, teamsActivity({ type: 'conversationUpdate', membersAdded: [{ id: '29:new-person' }] }, opts()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.teams.sent).toHaveLength(0);
  });
});
