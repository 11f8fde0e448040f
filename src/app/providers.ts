import { Types } from 'mongoose';
import { Intelligence, Provider, Service } from '../../models/index.js';
import { closestMatches } from '../core/providers/closestMatches.js';
import type { Choice } from '../../cards/viewModels.js';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Providers whose name contains the words typed, for type-ahead pickers. Names starting with them come first. */
export async function searchProviders(query: string, limit = 20): Promise<Choice[]> {
  const wanted = nameKey(query);
  if (!wanted) {
    const first = await Provider.find({}, { name: 1 }).sort({ nameKey: 1 }).limit(limit).lean();
    return first.map((p) => ({ value: String(p._id), label: p.name }));
  }
  const found = await Provider.find({ nameKey: { $regex: escapeRegex(wanted) } }, { name: 1, nameKey: 1 }).sort({ nameKey: 1 }).limit(200).lean();
  return found
    .sort((a, b) => Number(b.nameKey.startsWith(wanted)) - Number(a.nameKey.startsWith(wanted)))
    .slice(0, limit)
    .map((p) => ({ value: String(p._id), label: p.name }));
}

export type ProviderLookup =
  | { status: 'found'; provider: { id: string; name: string } }
  | { status: 'not-found'; suggestions: Array<{ id: string; name: string }> };

/**
 * Finds one provider from an id (picked from a list) or from what someone typed.
 * An exact name, or the only name containing the words, counts as found; otherwise we suggest the closest.
 */
export async function lookupProvider(text: string): Promise<ProviderLookup> {
  const trimmed = text.trim();
  if (Types.ObjectId.isValid(trimmed) && /^[a-f0-9]{24}$/i.test(trimmed)) {
    const byId = await Provider.findById(trimmed, { name: 1 }).lean();
    if (byId) return { status: 'found', provider: { id: String(byId._id), name: byId.name } };
  }
  const key = nameKey(trimmed);
  const containing = await Provider.find({ nameKey: { $regex: escapeRegex(key) } }, { name: 1, nameKey: 1 }).limit(10).lean();
  const exact = containing.find((p) => p.nameKey === key);
  const only = containing.length === 1 ? containing[0] : undefined;
  const match = exact ?? only;
  if (match) return { status: 'found', provider: { id: String(match._id), name: match.name } };
  // A council has a few thousand providers at most: comparing names in memory is cheap and catches typos.
  const all = await Provider.find({}, { name: 1 }).lean();
  const suggestions = closestMatches(trimmed, all.map((p) => ({ id: String(p._id), name: p.name })), 5);
  return { status: 'not-found', suggestions };
}

export async function providerWithDetail(providerId: string) {
  const provider = await Provider.findById(providerId).lean();
  if (!provider) return undefined;
  const [services, latest, counts] = await Promise.all([
    Service.find({ providerId: provider._id }).sort({ name: 1 }).limit(20).lean(),
    Intelligence.find({ providerId: provider._id }).sort({ createdAt: -1 }).limit(5).lean(),
    Intelligence.aggregate<{ _id: string; count: number }>([
      { $match: { providerId: provider._id } },
      { $group: { _id: '$source', count: { $sum: 1 } } },
      { $sort: { count: -1 } },
    ]),
  ]);
  return { provider, services, latest, counts };
}
