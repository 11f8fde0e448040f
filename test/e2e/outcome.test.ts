import { describe, expect, it } from 'vitest';
import { AuditEvent, Intelligence, RiskState } from '../../models/index.js';
import { ensureBootstrapAdmins, assignRole } from '../../src/app/users.js';
import { recomputeProvider } from '../../src/app/risk/index.js';
import { postActivity, teamsActivity } from '../helpers/fakeTeams.js';
import { useBotHarness } from '../helpers/harness.js';
import { postSigned, slashCommandBody } from '../helpers/slackRequests.js';

// Recording what an investigation found, on both platforms: a CQ1 found "not liable" drops out of the score.
const h = useBotHarness();

async function logConcern(reference: string) {
  await Intelligence.create({
    reference, idempotencyKey: reference, providerId: h.providers.oak._id, source: 'cq1', sentiment: 'adverse', themes: [],
    eventDate: new Date(), summary: 'Missed visit.', urgency: 'urgent', loggedBy: { platform: 'slack', userId: 'U9' },
  });
  await recomputeProvider(h.providers.oak._id);
  return (await RiskState.findById(h.providers.oak._id).lean())!.computed!.score!;
}

async function makeQualityOfficer(platform: 'slack' | 'teams', userId: string) {
  await ensureBootstrapAdmins([`${platform}:admin-${userId}`]);
  await assignRole({ platform, userId: `admin-${userId}` }, { platform, userId }, 'quality-officer');
}

async function slackCommand(text: string) {
  const before = h.slack.callsTo('response/r1').length;
  await postSigned(h.bot.baseUrl, slashCommandBody('/pq', text, { response_url: h.slack.responseUrl() }));
  const calls = await h.slack.waitFor('response/r1', before + 1);
  return JSON.stringify(calls[calls.length - 1]!.body);
}

describe('recording an outcome', () => {
  it('Slack: a quality officer records "not liable", and the CQ1 stops counting', async () => {
    const scoreBefore = await logConcern('INT-000001');
    expect(scoreBefore).toBeGreaterThan(0);
    const refused = await slackCommand('outcome INT-000001 not-liable');
    expect(refused).toContain('Not permitted');
    expect((await Intelligence.findOne({ reference: 'INT-000001' }).lean())!.outcome).toBe('pending');

    await makeQualityOfficer('slack', 'U100');
    const done = await slackCommand('outcome int-000001 not-liable');
    expect(done).toContain('INT-000001 is now recorded as provider not liable');
    expect(done).toContain('no longer counts towards the Risk Matrix score for Oak Lodge Care Home');
    expect((await Intelligence.findOne({ reference: 'INT-000001' }).lean())!.outcome).toBe('not-liable');
    expect((await RiskState.findById(h.providers.oak._id).lean())!.computed!.score!).toBeLessThan(scoreBefore);
    expect(await AuditEvent.countDocuments({ action: 'intelligence.outcome-recorded', 'actor.userId': 'U100' })).toBe(1);
    expect(await slackCommand('outcome INT-000001 not-liable')).toContain('No change');
    expect(await slackCommand('outcome INT-000999 upheld')).toContain('I could not find INT-000999');
  });

  it('Teams: the same words record an outcome', async () => {
    await logConcern('INT-000002');
    await makeQualityOfficer('teams', 'aad-sam');
    await postActivity(h.bot.baseUrl, teamsActivity({ type: 'message', text: 'outcome INT-000002 upheld' }, { serviceUrl: h.teams.url }));
    const [reply] = await h.teams.waitForSent('a:personal-chat-1');
    expect(JSON.stringify(reply!.activity)).toContain('INT-000002 is now recorded as upheld');
    expect((await Intelligence.findOne({ reference: 'INT-000002' }).lean())!.outcome).toBe('upheld');
  });
});
