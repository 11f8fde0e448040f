import { z } from 'zod';
import { User } from '../../models/index.js';
import { ROLE_LABELS, type Role } from '../core/vocabulary.js';
import { audit } from '../app/audit.js';

// The people someone can play in the playground. Each is a fixed, fictional Teams identity, so what they
// do is recorded (and permitted) exactly as it would be for a real person with that role.

export const PERSONA_KEYS = ['social-worker', 'quality-officer', 'head-of-commissioning', 'chair'] as const;
export type PersonaKey = (typeof PERSONA_KEYS)[number];
export const personaKey = z.enum(PERSONA_KEYS);

export interface Persona {
  key: PersonaKey;
  /** Stands in for the Teams AAD object id; the "playground-" prefix makes it plain in the audit trail. */
  aadObjectId: string;
  name: string;
  role: Role;
}

export const PERSONAS: Record<PersonaKey, Persona> = {
  'social-worker': { key: 'social-worker', aadObjectId: 'playground-social-worker', name: 'Sam Patel (fictional)', role: 'social-worker' },
  'quality-officer': { key: 'quality-officer', aadObjectId: 'playground-quality-officer', name: 'Alex Morgan (fictional)', role: 'quality-officer' },
  'head-of-commissioning': { key: 'head-of-commissioning', aadObjectId: 'playground-head-of-commissioning', name: 'Jo Williams (fictional)', role: 'head-of-commissioning' },
  chair: { key: 'chair', aadObjectId: 'playground-chair', name: 'Chris Evans (fictional)', role: 'chair' },
};

/** What the page shows in the persona switcher. */
export function personaChoices() {
  return PERSONA_KEYS.map((key) => ({ key, name: PERSONAS[key].name, roleLabel: ROLE_LABELS[PERSONAS[key].role] }));
}

/** Gives each persona its role. Safe to run at every start: only a missing role is added, and that is audited. */
export async function ensurePersonaRoles(): Promise<void> {
  for (const persona of Object.values(PERSONAS)) {
    const wanted: Role[] = [persona.role, 'social-worker'];
    const before = await User.findOne({ platform: 'teams', platformUserId: persona.aadObjectId }).lean();
    if (before && wanted.every((role) => before.roles.includes(role))) continue;
    const after = await User.findOneAndUpdate(
      { platform: 'teams', platformUserId: persona.aadObjectId },
      { $addToSet: { roles: { $each: wanted } }, $set: { displayName: persona.name } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    await audit({
      actor: 'system',
      action: 'user.role-assigned',
      entityType: 'user',
      entityId: `teams:${persona.aadObjectId}`,
      before: { roles: before?.roles ?? [] },
      after: { roles: after?.roles ?? [] },
    });
  }
}
