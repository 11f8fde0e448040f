import { describe, expect, it } from 'vitest';
import { AuditEvent, Download } from '../../models/index.js';
import { postActivity, teamsActivity } from '../helpers/fakeTeams.js';
import { useBotHarness } from '../helpers/harness.js';

// Teams shows no files attached as data, so its exports arrive as a short-lived download link.
const PUBLIC_URL = 'https://pq-bot.example.gov.uk';
const h = useBotHarness({ PUBLIC_URL });

type Card = { body: Array<Record<string, unknown>>; actions?: Array<{ type: string; title: string; url?: string }> };

async function exportInTeams() {
  await postActivity(h.bot.baseUrl, teamsActivity({ type: 'message', text: 'matrix export' }, { serviceUrl: h.teams.url }));
  const [sent] = await h.teams.waitForSent('a:personal-chat-1');
  return sent!.activity as { attachments: Array<{ contentType: string; content: Card }> };
}

describe('Teams: exporting the Risk Matrix', () => {
  it('sends a download link instead of an attachment, and the link gives the CSV', async () => {
    const reply = await exportInTeams();
    expect(reply.attachments.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    const open = reply.attachments[0]!.content.actions!.find((a) => a.type === 'Action.OpenUrl')!;
    expect(open.title).toMatch(/^Download risk-matrix-all-.*\.csv$/);
    expect(open.url).toMatch(new RegExp(`^${PUBLIC_URL}/downloads/[\\w-]{32}$`));
    expect(JSON.stringify(reply.attachments[0]!.content)).toContain('The link works for 15 minutes');

    const res = await fetch(open.url!.replace(PUBLIC_URL, h.bot.baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="risk-matrix-all-/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Oak Lodge Care Home');
    expect(await AuditEvent.countDocuments({ action: { $in: ['file.link-created', 'file.downloaded'] } })).toBe(2);
  });

  it('says so when a link has run out or is wrong', async () => {
    const reply = await exportInTeams();
    const url = reply.attachments[0]!.content.actions!.find((a) => a.type === 'Action.OpenUrl')!.url!.replace(PUBLIC_URL, h.bot.baseUrl);
    await Download.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('This link has run out');
    expect(await Download.countDocuments()).toBe(0);
    expect((await fetch(`${h.bot.baseUrl}/downloads/not-a-token`)).status).toBe(404);
  });
});

describe('housekeeping', () => {
  it('removes expired downloads and old request keys, and keeps the rest', async () => {
    const { housekeeping } = await import('../../jobs/housekeepingJobs.js');
    const { ProcessedEvent } = await import('../../models/index.js');
    const now = new Date();
    await Download.create([
      { _id: 'a'.repeat(32), name: 'old.csv', mimeType: 'text/csv', content: 'x', createdBy: { platform: 'teams', userId: 'u' }, expiresAt: new Date(now.getTime() - 1) },
      { _id: 'b'.repeat(32), name: 'new.csv', mimeType: 'text/csv', content: 'x', createdBy: { platform: 'teams', userId: 'u' }, expiresAt: new Date(now.getTime() + 60_000) },
    ]);
    await ProcessedEvent.create([{ _id: 'old', at: new Date(now.getTime() - 3 * 86_400_000) }, { _id: 'recent', at: now }]);
    expect(await housekeeping(now)).toEqual({ downloads: 1, processedEvents: 1 });
    expect((await Download.find().lean()).map((d) => d.name)).toEqual(['new.csv']);
    expect((await ProcessedEvent.find().lean()).map((e) => e._id)).toEqual(['recent']);
  });
});
