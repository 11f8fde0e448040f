import { AuditEvent } from '../../models/index.js';
import type { Actor } from './actor.js';

export interface AuditEntry {
  actor: Actor | 'system';
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit trail. The actor's display name is not kept: the platform id is enough to trace. */
export async function audit(entry: AuditEntry): Promise<void> {
  const actor =
    entry.actor === 'system' ? { platform: 'system' as const, userId: 'system' } : { platform: entry.actor.platform, userId: entry.actor.userId };
  await AuditEvent.create({ ...entry, actor, at: new Date() });
}
