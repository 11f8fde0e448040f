import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { AuditEvent, Intelligence } from '../../models/index.js';
import { useBotHarness } from '../helpers/harness.js';
import { interactiveBody, postSigned, slashCommandBody } from '../helpers/slackRequests.js';
import { subscribeChannel } from '../helpers/seed.js';

const h = useBotHarness();

type Modal = { callback_id: string; private_metadata: string; blocks: Array<{ block_id?: string; type: string }>; title: { text: string } };

async function openForm(command = '/cq1'): Promise<Modal> {
  const res = await postSigned(h.bot.baseUrl, slashCommandBody(command, '', { response_url: h.slack.responseUrl() }));
  expect(res.status).toBe(200);
  const [open] = await h.slack.waitFor('views.open');
  return open!.body.view as Modal;
}

function submission(modal: Modal, values: Record<string, unknown>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [field, value] of Object.entries(values)) state[field] = { [field]: value };
  return interactiveBody({
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: 'U100', name: 'sam' },
    api_app_id: 'A1',
    trigger_id: `t-${Math.random()}`,
    view: { id: 'V1', hash: 'h1', callback_id: modal.callback_id, private_metadata: modal.private_metadata, blocks: modal.blocks, state: { values: state } },
  });
}

const goodValues = () => ({
  provider: { type: 'external_select', selected_option: { value: String(h.providers.oak._id), text: { type: 'plain_text', text: 'Oak Lodge Care Home' } } },
  sentiment: { type: 'radio_buttons', selected_option: { value: 'adverse' } },
  themes: { type: 'multi_static_select', selected_options: [{ value: 'medication' }] },
  eventDate: { type: 'datepicker', selected_date: '2026-11-20' },
  summary: { type: 'plain_text_input', value: 'Evening medication was given two hours late twice this week.' },
  serviceUserRef: { type: 'plain_text_input', value: 'AB-1234' },
  urgency: { type: 'radio_buttons', selected_option: { value: 'urgent' } },
});

describe('Slack: logging a CQ1', () => {
  it('opens the CQ1 modal with a labelled, searchable provider picker', async () => {
    const modal = await openForm('/cq1');
    expect(modal.title.text).toBe('Log a CQ1 concern');
    const ids = modal.blocks.map((b) => b.block_id).filter(Boolean);
    expect(ids).toEqual(['provider', 'service', 'sentiment', 'themes', 'eventDate', 'summary', 'serviceUserRef', 'urgency']);
    const picker = modal.blocks.find((b) => b.block_id === 'provider') as unknown as { element: { type: string }; label: { text: string } };
    expect(picker.element.type).toBe('external_select');
    expect(picker.label.text).toBe('Provider');
  });

  it('offers type-ahead over the provider list', async () => {
    const res = await postSigned(h.bot.baseUrl, interactiveBody({ type: 'block_suggestion', action_id: 'provider', block_id: 'provider', value: 'oak', user: { id: 'U100' }, team: { id: 'T1' }, view: { id: 'V1' } }));
    const body = (await res.json()) as { options: Array<{ text: { text: string } }> };
    expect(body.options.map((o) => o.text.text)).toEqual(['Oak Lodge Care Home']);
  });

  it('saves the record, confirms with a reference, and posts a summary to the subscribed channel', async () => {
    await subscribeChannel('slack', 'C-ADULTS', ['intelligence'], 'adults');
    await subscribeChannel('slack', 'C-CHILDREN', ['intelligence'], 'children');
    const modal = await openForm();
    const res = await postSigned(h.bot.baseUrl, submission(modal, goodValues()));
    const ack = (await res.json()) as { response_action: string; view: { blocks: Array<{ text?: { text: string } }> } };
    expect(ack.response_action).toBe('update');
    const saved = await Intelligence.findOne().lean();
    expect(saved).toMatchObject({ source: 'cq1', sentiment: 'adverse', themes: ['medication'], urgency: 'urgent', serviceUserRef: 'AB-1234' });
    expect(JSON.stringify(ack.view)).toContain(saved!.reference);

    const [dm] = await h.slack.waitFor('chat.postMessage', 2);
    const posts = h.slack.callsTo('chat.postMessage');
    const toUser = posts.find((p) => p.body.channel === 'U100')!;
    expect(JSON.stringify(toUser.body.blocks)).toContain(saved!.reference);
    const toChannel = posts.find((p) => p.body.channel === 'C-ADULTS')!;
    expect(JSON.stringify(toChannel.body.blocks)).toContain('Oak Lodge Care Home');
    expect(JSON.stringify(toChannel.body.blocks)).not.toContain('AB-1234');
    expect(posts.some((p) => p.body.channel === 'C-CHILDREN')).toBe(false);
    expect(dm).toBeDefined();
    expect(await AuditEvent.countDocuments({ action: 'intelligence.logged', 'actor.platform': 'slack', 'actor.userId': 'U100' })).toBe(1);
  });

  it('shows field errors inline and saves nothing when the form is incomplete', async () => {
    const modal = await openForm();
    const { summary: _summary, urgency: _urgency, ...partial } = goodValues();
    const res = await postSigned(h.bot.baseUrl, submission(modal, { ...partial, summary: { value: '' }, urgency: { selected_option: null } }));
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { summary: 'Say what happened', urgency: 'Choose how urgent this is' } });
    expect(await Intelligence.countDocuments()).toBe(0);
  });

  it('saves once when the same submission arrives twice', async () => {
    await subscribeChannel('slack', 'C-ADULTS', ['intelligence'], 'adults');
    const modal = await openForm();
    const body = submission(modal, goodValues());
    const [first, second] = await Promise.all([postSigned(h.bot.baseUrl, body), postSigned(h.bot.baseUrl, body, { retryNum: 1 })]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await Intelligence.countDocuments()).toBe(1);
    await h.slack.waitFor('chat.postMessage', 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.slack.callsTo('chat.postMessage').filter((p) => p.body.channel === 'C-ADULTS')).toHaveLength(1);
  });

  it('drops a Slack retry of a command it already handled', async () => {
    const body = slashCommandBody('/cq1', '');
    await postSigned(h.bot.baseUrl, body);
    await h.slack.waitFor('views.open');
    const retry = await postSigned(h.bot.baseUrl, body, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('rejects a bad signature or stale timestamp with 401 and does nothing', async () => {
    const bad = await postSigned(h.bot.baseUrl, slashCommandBody('/cq1', ''), { secret: 'wrong' });
    const stale = await postSigned(h.bot.baseUrl, slashCommandBody('/cq1', ''), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(bad.status).toBe(401);
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('says "not saved, try again" when the database is down, and keeps the form open', async () => {
    const modal = await openForm();
    const uri = mongoose.connection.getClient().options.hosts.map(String)[0];
    const dbName = mongoose.connection.db!.databaseName;
    await mongoose.disconnect();
    try {
      const res = await postSigned(h.bot.baseUrl, submission(modal, goodValues()));
      const ack = (await res.json()) as { response_action: string; errors: Record<string, string> };
      expect(ack.response_action).toBe('errors');
      expect(ack.errors.summary).toMatch(/^Not saved/);
      const health = await fetch(`${h.bot.baseUrl}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ database: 'down' });
    } finally {
      await mongoose.connect(`mongodb://${uri}`, { dbName });
    }
    expect(await Intelligence.countDocuments()).toBe(0);
  });
});
