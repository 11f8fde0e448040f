import { User } from '../../models/index.js';
import { ROLE_LABELS, type Platform, type Role } from '../core/vocabulary.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';

export interface Identity {
  platform: Platform;
  userId: string;
}

/** Parses BOOTSTRAP_ADMINS entries such as "slack:U123" or "teams:<aad id>". */
export function parseIdentity(entry: string): Identity {
  const [platform, ...rest] = entry.split(':');
  return { platform: platform as Platform, userId: rest.join(':') };
}

/** Makes sure the first admins exist; safe to run at every start. */
export async function ensureBootstrapAdmins(entries: string[]): Promise<void> {
  for (const { platform, userId } of entries.map(parseIdentity)) {
    const existing = await User.findOne({ platform, platformUserId: userId });
    if (existing?.roles.includes('admin')) continue;
    await User.updateOne({ platform, platformUserId: userId }, { $addToSet: { roles: { $each: ['admin', 'social-worker'] } } }, { upsert: true });
    await audit({ actor: 'system', action: 'user.bootstrap-admin', entityType: 'user', entityId: `${platform}:${userId}`, after: { roles: ['admin'] } });
  }
}

/** Roles of a person; someone with no record is a social worker. */
export async function rolesOf(actor: Identity): Promise<{ known: boolean; roles: Role[] }> {
  const user = await User.findOne({ platform: actor.platform, platformUserId: actor.userId }).lean();
  return user ? { known: true, roles: user.roles as Role[] } : { known: false, roles: ['social-worker'] };
}

export async function adminNames(platform: Platform): Promise<string[]> {
  const admins = await User.find({ platform, roles: 'admin' }).limit(5).lean();
  return admins.map((admin) => admin.displayName ?? admin.platformUserId);
}

// Names already written, so a busy person's every command does not cost a database write.
const knownNames = new Map<string, string>();

/** Remembers the display name people go by, so lists of admins read well. */
export async function noteDisplayName(actor: Actor): Promise<void> {
  if (!actor.name) return;
  const key = `${actor.platform}:${actor.userId}`;
  if (knownNames.get(key) === actor.name) return;
  await User.updateOne({ platform: actor.platform, platformUserId: actor.userId }, { $set: { displayName: actor.name } });
  knownNames.set(key, actor.name);
}

export type AssignRoleResult =
  | { status: 'assigned'; roleLabel: string }
  | { status: 'already'; roleLabel: string }
  | { status: 'not-permitted'; known: boolean; admins: string[] };

export async function assignRole(by: Actor, target: Identity & { name?: string }, role: Role): Promise<AssignRoleResult> {
  const { known, roles } = await rolesOf(by);
  if (!roles.includes('admin')) return { status: 'not-permitted', known, admins: await adminNames(by.platform) };
  const before = await User.findOne({ platform: target.platform, platformUserId: target.userId }).lean();
  if (before?.roles.includes(role)) return { status: 'already', roleLabel: ROLE_LABELS[role] };
  const after = await User.findOneAndUpdate(
    { platform: target.platform, platformUserId: target.userId },
    { $addToSet: { roles: { $each: [role, 'social-worker'] } }, ...(target.name ? { $set: { displayName: target.name } } : {}) },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  await audit({
    actor: by,
    action: 'user.role-assigned',
    entityType: 'user',
    entityId: `${target.platform}:${target.userId}`,
    before: { roles: before?.roles ?? [] },
    after: { roles: after?.roles ?? [] },
  });
  return { status: 'assigned', roleLabel: ROLE_LABELS[role] };
}
