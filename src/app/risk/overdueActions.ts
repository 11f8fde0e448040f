import type { Types } from 'mongoose';

// Overdue improvement-plan actions feed the score. Action plans arrive in a later issue; until then
// every provider has none. That issue registers its counter here, and recomputes pick it up.

export type OverdueActionCounter = (providerIds: Types.ObjectId[] | undefined, now: Date) => Promise<Map<string, number>>;

let counter: OverdueActionCounter = async () => new Map();

export function setOverdueActionCounter(next: OverdueActionCounter): void {
  counter = next;
}

/** Overdue actions by provider id; providers not in the map have none. */
export function overdueActionCounts(providerIds: Types.ObjectId[] | undefined, now: Date): Promise<Map<string, number>> {
  return counter(providerIds, now);
}

/** Open actions by provider id, for the provider card. None until action plans exist. */
export async function openActionCount(_providerId: Types.ObjectId): Promise<number> {
  return 0;
}
