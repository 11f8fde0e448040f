import type { ProviderMatchesView, ProviderSummaryView } from '../../../cards/viewModels.js';
import { SERVICE_TYPE_LABELS, SOURCE_LABELS, type IntelligenceSource } from '../../core/vocabulary.js';
import type { providerWithDetail } from '../providers.js';
import { formatDate, shorten } from './formatting.js';

type Detail = NonNullable<Awaited<ReturnType<typeof providerWithDetail>>>;

const CLIENT_GROUP_TEXT = { adults: 'Adults', children: 'Children', both: 'Adults and children' } as const;

export function providerSummaryView({ provider, services, latest, counts }: Detail): ProviderSummaryView {
  const id = String(provider._id);
  const overall = provider.cqcRatings?.overall;
  return {
    screen: 'provider-summary',
    providerId: id,
    name: provider.name,
    facts: [
      { label: 'Client group', value: CLIENT_GROUP_TEXT[provider.clientGroup] },
      { label: 'Area', value: provider.inArea ? 'In our area' : 'Out of area' },
      { label: 'CQC overall rating', value: overall ?? 'Not known' },
      ...(provider.hoursCommissioned ? [{ label: 'Hours commissioned a week', value: String(provider.hoursCommissioned) }] : []),
    ],
    services: services.map((s) => ({ name: s.name, type: SERVICE_TYPE_LABELS[s.type] })),
    latest: latest.map((item) => ({
      reference: item.reference,
      line: `${formatDate(item.createdAt)}: ${SOURCE_LABELS[item.source as IntelligenceSource]}, ${item.sentiment} (${item.reference}). ${shorten(item.summary, 120)}`,
    })),
    countsBySource: counts.map((row) => ({ label: SOURCE_LABELS[row._id as IntelligenceSource] ?? row._id, value: String(row.count) })),
    emptyIntelligence: 'Nothing logged yet. Use "Add intelligence" to record the first item.',
    actions: [{ verb: 'intel.open', label: 'Add intelligence', value: id, style: 'primary' }],
  };
}

export function providerMatchesView(query: string, suggestions: Array<{ id: string; name: string }>): ProviderMatchesView {
  return {
    screen: 'provider-matches',
    heading: suggestions.length ? `No provider is called "${query}"` : `No provider matches "${query}"`,
    text: suggestions.length ? 'Did you mean one of these?' : 'Check the spelling, or try part of the name. The quality team can add a missing provider.',
    matches: suggestions.map((s) => ({ name: s.name, button: { verb: 'provider.view', label: s.name.slice(0, 70), value: s.id } })),
  };
}
