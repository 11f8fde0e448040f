import { describe, expect, it } from 'vitest';
import { AuditEvent, RatingHistory } from '../../models/index.js';
import { useDatabase } from '../helpers/database.js';

useDatabase();

describe('append-only history', () => {
  it('refuses to change or delete audit events', async () => {
    const event = await AuditEvent.create({ action: 'test.done', actor: { platform: 'slack', userId: 'U1' }, entityType: 'thing', entityId: '1' });
    await expect(AuditEvent.updateOne({ _id: event._id }, { $set: { action: 'rewritten' } })).rejects.toThrow('The audit trail is append-only');
    await expect(AuditEvent.deleteMany({})).rejects.toThrow('append-only');
    expect(await AuditEvent.findById(event._id).lean()).toMatchObject({ action: 'test.done' });
  });

  it('refuses to rewrite rating history', async () => {
    await expect(RatingHistory.findOneAndUpdate({}, { $set: { why: 'x' } })).rejects.toThrow('Rating history is append-only');
  });
});
