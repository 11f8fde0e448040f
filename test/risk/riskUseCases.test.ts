import { beforeEach, describe, expect, it } from 'vitest';
import { AuditEvent, Delivery, Intelligence, RatingHistory, Restriction, ReviewTrigger, RiskState, User } from '../../models/index.js';
import { clearPosters, registerPoster, retryFailedDeliveries, retryPolicy } from '../../src/app/notify.js';
import type { ScreenView } from '../../cards/viewModels.js';
import {
  dismissReview,
  intelligenceItemsByProvider,
  matrixCsv,
  matrixView,
  openReview,
  recomputeAll,
  recomputeProvider,
  riskPanel,
  setDecidedRating,
  setRiskConfig,
  settlePendingBands,
} from '../../src/app/risk/index.js';
import { computeRisk, defaultRiskConfig, parseRiskConfig } from '../../src/core/risk/index.js';
import { clearCollections, useDatabase } from '../helpers/database.js';
import { seedProviders, subscribeChannel } from '../helpers/seed.js';

useDatabase();

const posted: Array<{ channelId: string; view: ScreenView }> = [];
let failPosts = 0;
const NOW = new Date('2026-06-30T12:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const daysAgo = (n: number) => new Date(Date.UTC(2026, 5, 30 - n));
const chair = { platform: 'slack' as const, userId: 'UCHAIR', name: 'Chris Chair' };
const officer = { platform: 'slack' as const, userId: 'UQO', name: 'Quinn Officer' };
const worker = { platform: 'slack' as const, userId: 'USW', name: 'Sam Social' };
let providers: Awaited<ReturnType<typeof seedProviders>>;
let seq = 0;

async function logItem(providerId: unknown, fields: Record<string, unknown> = {}) {
  seq++;
  return new Intelligence({
    reference: `INT-${String(seq).padStart(6, '0')}`,
    idempotencyKey: `k-${seq}-${Math.random()}`,
    providerId,
    source: 'cq1',
    sentiment: 'adverse',
    eventDate: daysAgo(1),
    summary: 'Something happened.',
    urgency: 'routine',
    loggedBy: { platform: 'slack', userId: 'U1' },
    ...fields,
  }).save();
}

beforeEach(async () => {
  await clearCollections();
  setRiskConfig(defaultRiskConfig);
  retryPolicy.firstDelayMs = 1;
  posted.length = 0;
  failPosts = 0;
  clearPosters();
  registerPoster('slack', {
    async post({ channelId }, view) {
      if (failPosts > 0) {
        failPosts--;
        throw new Error('rate limited');
      }
      posted.push({ channelId, view });
    },
  });
  providers = await seedProviders();
  await subscribeChannel('slack', 'C-RATINGS', ['rating-changes'], 'adults');
  await User.create({ platform: 'slack', platformUserId: 'UCHAIR', roles: ['chair', 'social-worker'] });
  await User.create({ platform: 'slack', platformUserId: 'UQO', roles: ['quality-officer', 'social-worker'] });
});

describe('the database counts, the core scores', () => {
  it('gives exactly the score computeRisk gives for the real items', async () => {
    const { river } = providers;
    const items = [
      { source: 'safeguarding', eventDate: daysAgo(0) },
      { source: 'safeguarding', eventDate: daysAgo(0) },
      { source: 'cq1', eventDate: daysAgo(30), outcome: 'not-liable' },
      { source: 'complaint', eventDate: daysAgo(180), outcome: 'upheld' },
      { source: 'cq1', eventDate: daysAgo(10), likelihood: 3, impact: 4 },
      { source: 'compliment', sentiment: 'positive', eventDate: daysAgo(5) },
    ];
    const docs = [];
    for (const item of items) docs.push(await logItem(river._id, item));
    const byProvider = await intelligenceItemsByProvider(defaultRiskConfig, NOW, [river._id]);
    const fromDb = computeRisk({ intelligence: byProvider.get(String(river._id))! }, defaultRiskConfig, NOW);
    const direct = computeRisk(
      {
        intelligence: docs.map((d) => ({
          id: String(d._id),
          source: d.source as never,
          sentiment: d.sentiment as never,
          receivedAt: d.eventDate,
          outcome: d.outcome as never,
          ...(d.likelihood ? { likelihood: d.likelihood as never, impact: d.impact as never } : {}),
        })),
      },
      defaultRiskConfig,
      NOW,
    );
    expect(fromDb.score).toBe(direct.score);
    expect(fromDb.drivers).toEqual(direct.drivers);
    expect(fromDb.score).toBeGreaterThan(0);
  });
});

describe('band alerts', () => {
  it('baselines the first rating, then announces a crossing once it has held for a day, once only', async () => {
    const { river } = providers;
    await recomputeProvider(river._id, {}, NOW);
    expect((await RiskState.findOne({ providerId: river._id }).lean())!.computed!.rating).toBe('Green');
    for (let i = 0; i < 4; i++) await logItem(river._id, { source: 'safeguarding', eventDate: daysAgo(0) });
    await recomputeProvider(river._id, {}, NOW);
    expect(posted).toHaveLength(0); // pending: must hold for 24 hours
    await recomputeProvider(river._id, {}, hours(25));
    await settlePendingBands(hours(26));
    await recomputeAll(hours(27));
    const alerts = posted.filter((p) => p.view.screen === 'rating-change');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]!.view)).toContain('Green to Amber');
    expect(await RatingHistory.countDocuments({ providerId: river._id, kind: 'computed' })).toBe(2);
  });

  it('says nothing when the rating flaps back within the day', async () => {
    const { river } = providers;
    await recomputeProvider(river._id, {}, NOW);
    const extra = [];
    for (let i = 0; i < 4; i++) extra.push(await logItem(river._id, { source: 'safeguarding', eventDate: daysAgo(0) }));
    await recomputeProvider(river._id, {}, hours(1));
    await Intelligence.updateMany({ _id: { $in: extra.map((e) => e._id) } }, { $set: { outcome: 'not-liable' } });
    await recomputeProvider(river._id, {}, hours(2));
    await settlePendingBands(hours(30));
    await recomputeAll(hours(30));
    expect(posted.filter((p) => p.view.screen === 'rating-change')).toHaveLength(0);
  });

  it('announces at once with settleHours 0, and two racing recomputes announce once', async () => {
    setRiskConfig(parseRiskConfig({ alerts: { settleHours: 0 } }));
    const { river } = providers;
    await recomputeProvider(river._id, {}, NOW);
    for (let i = 0; i < 8; i++) await logItem(river._id, { source: 'safeguarding', eventDate: daysAgo(0) });
    await Promise.all([recomputeProvider(river._id, {}, hours(1)), recomputeProvider(river._id, {}, hours(1)), recomputeAll(hours(1))]);
    expect(posted.filter((p) => p.view.screen === 'rating-change')).toHaveLength(1);
    // The baseline and the change, each once.
    expect(await RatingHistory.find({ providerId: river._id, kind: 'computed' }, { from: 1, to: 1, _id: 0 }).sort({ at: 1 }).lean()).toEqual([{ to: 'Green' }, { from: 'Green', to: 'Red' }]);
  });
});

describe('decided rating', () => {
  it('needs the chair role; others change nothing', async () => {
    const result = await setDecidedRating(officer, String(providers.oak._id), { rating: 'Red', rationale: 'Visits found problems', expectedVersion: 0 });
    expect(result.status).toBe('not-permitted');
    expect(await RiskState.countDocuments()).toBe(0);
    expect(await AuditEvent.countDocuments({ action: 'rating.decided' })).toBe(0);
  });

  it('needs a rationale and a rating on the scale', async () => {
    const result = await setDecidedRating(chair, String(providers.oak._id), { rating: 'Purple', rationale: '  ', expectedVersion: 0 });
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.form.errors).toEqual({ rating: 'Choose a rating', rationale: 'Say why you chose this rating' });
  });

  it('saves with history, audit and one alert; the later of two concurrent setters is told', async () => {
    const oak = String(providers.oak._id);
    const first = await setDecidedRating(chair, oak, { rating: 'Red', rationale: 'Three visits found medication errors', expectedVersion: 0 }, NOW);
    expect(first).toMatchObject({ status: 'saved', version: 1 });
    if (first.status === 'saved') await first.notified;
    const again = await setDecidedRating(chair, oak, { rating: 'Red', rationale: 'Three visits found medication errors', expectedVersion: 0 }, NOW);
    expect(again).toMatchObject({ status: 'saved', duplicate: true });
    await User.create({ platform: 'teams', platformUserId: 'aad-2', roles: ['chair'] });
    const second = await setDecidedRating({ platform: 'teams', userId: 'aad-2', name: 'Dee Deputy' }, oak, { rating: 'Amber', rationale: 'Improving', expectedVersion: 0 }, NOW);
    expect(second.status).toBe('conflict');
    if (second.status === 'conflict') {
      expect(second.form.formError).toContain('It is now Red, set by Chris Chair');
      expect(second.form.values).toEqual({ rating: 'Amber', rationale: 'Improving' });
      expect(second.form.expectedVersion).toBe(1);
    }
    const state = await RiskState.findOne({ providerId: providers.oak._id }).lean();
    expect(state!.decided).toMatchObject({ rating: 'Red', rationale: 'Three visits found medication errors' });
    expect(await RatingHistory.find({ kind: 'decided' }).lean()).toHaveLength(1);
    expect(await AuditEvent.countDocuments({ action: 'rating.decided', 'actor.userId': 'UCHAIR' })).toBe(1);
    const alerts = posted.filter((p) => p.view.screen === 'rating-change');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]!.view)).toContain('Three visits found medication errors');
  });

  it('two concurrent saves from the same version: one wins, one is told', async () => {
    await User.create({ platform: 'slack', platformUserId: 'UCHAIR2', roles: ['chair'] });
    const oak = String(providers.oak._id);
    const results = await Promise.all([
      setDecidedRating(chair, oak, { rating: 'Red', rationale: 'A', expectedVersion: 0 }, NOW),
      setDecidedRating({ platform: 'slack', userId: 'UCHAIR2', name: 'Other' }, oak, { rating: 'Blue', rationale: 'B', expectedVersion: 0 }, NOW),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
    expect(await RatingHistory.countDocuments({ kind: 'decided' })).toBe(1);
  });
});

describe('threshold triggers', () => {
  it('raises one card for 3 adverse items in 90 days, adds later items to it, and can be dismissed with a reason', async () => {
    const { river } = providers;
    for (let i = 0; i < 2; i++) await logItem(river._id);
    await recomputeProvider(river._id, { triggers: true }, NOW);
    expect(await ReviewTrigger.countDocuments()).toBe(0);
    await logItem(river._id);
    await recomputeProvider(river._id, { triggers: true }, NOW);
    await recomputeProvider(river._id, { triggers: true }, NOW);
    const cards = posted.filter((p) => p.view.screen === 'review-trigger');
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.view)).toContain('3 adverse items in the last 90 days');
    const trigger = await ReviewTrigger.findOne().lean();

    expect((await dismissReview(worker, String(trigger!._id), 'no')).status).toBe('not-permitted');
    const empty = await dismissReview(officer, String(trigger!._id), ' ');
    expect(empty).toMatchObject({ status: 'invalid', error: 'Say why you are dismissing this' });
    const done = await dismissReview(officer, String(trigger!._id), 'Already discussed at the May meeting');
    expect(done.status).toBe('done');
    expect((await openReview(officer, String(trigger!._id))).status).toBe('already');
    // The same items do not raise it again; a new one does.
    await recomputeProvider(river._id, { triggers: true }, NOW);
    expect(await ReviewTrigger.countDocuments()).toBe(1);
    await logItem(river._id);
    await recomputeProvider(river._id, { triggers: true }, NOW);
    expect(await ReviewTrigger.countDocuments({ status: 'open' })).toBe(1);
    const opened = await openReview(officer, String((await ReviewTrigger.findOne({ status: 'open' }).lean())!._id));
    expect(opened.status).toBe('done');
    expect(await AuditEvent.countDocuments({ action: { $in: ['review-trigger.dismissed', 'review-trigger.opened'] } })).toBe(2);
  });
});

describe('matrix, provider panel and retries', () => {
  it('lists most severe first, exports CSV safely, and shows the panel with criteria hints', async () => {
    const { oak, river, willow } = providers;
    await Restriction.create({ providerId: river._id, kind: 'embargo', status: 'active', startedAt: daysAgo(40) });
    await RiskState.create({ providerId: willow._id });
    await recomputeAll(NOW);
    await setDecidedRating(chair, String(oak._id), { rating: 'Blue', rationale: '=cmd|evil', expectedVersion: 0 }, NOW);
    const view = await matrixView({});
    expect(view.groups.map((g) => g.rating)).toEqual(['Blue', 'Red', 'Green']);
    const adults = await matrixView({ group: 'adults', rating: 'Red' });
    expect(adults.groups.flatMap((g) => g.lines)).toEqual([expect.stringContaining('Riverside Home Care (computed, not yet decided)')]);
    const { csv, count } = await matrixCsv({});
    expect(count).toBe(3);
    expect(csv).toContain("'=cmd|evil");
    expect(csv.split('\r\n')[1]).toContain('Oak Lodge Care Home');

    await Intelligence.db.collection('providers').updateOne({ _id: river._id }, { $set: { cqcRatings: { overall: 'Inadequate', safe: 'Inadequate' } } });
    const panel = await riskPanel(String(river._id), NOW);
    expect(panel!.restrictions[0]).toMatch(/^Embargo in place since/);
    expect(panel!.criteria[0]).toContain('Criteria for embargo met: CQC rated Safe as inadequate (16.2)');
    expect(panel!.cqc.map((f) => f.label)).toEqual(['Overall', 'Safe', 'Effective', 'Caring', 'Responsive', 'Well-led']);
    expect(panel!.trend).toContain('Jun 2026');
  });

  it('retries a failed alert post later, once', async () => {
    setRiskConfig(parseRiskConfig({ alerts: { settleHours: 0 } }));
    failPosts = 99;
    const result = await setDecidedRating(chair, String(providers.oak._id), { rating: 'Red', rationale: 'Reasons', expectedVersion: 0 }, NOW);
    if (result.status === 'saved') await result.notified;
    expect(await Delivery.countDocuments({ status: 'failed' })).toBe(1);
    failPosts = 0;
    expect(await retryFailedDeliveries()).toEqual({ sent: 1, failed: 0 });
    expect(await retryFailedDeliveries()).toEqual({ sent: 0, failed: 0 });
    expect(posted.filter((p) => p.view.screen === 'rating-change')).toHaveLength(1);
  });
});
