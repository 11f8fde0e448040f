import { Types } from 'mongoose';
import { Provider, Restriction, RiskState } from '../../../models/index.js';
import type { ProviderRiskPanel, ProviderSummaryView } from '../../../cards/viewModels.js';
import { KEY_QUESTION_NAMES, RESTRICTION_LABELS } from '../../core/risk/labels.js';
import { KEY_QUESTIONS, restrictionCriteriaMet, type RestrictionKind, type RestrictionFacts } from '../../core/risk/index.js';
import { formatDate } from '../views/formatting.js';
import { driverLines, setRatingButton } from '../views/riskViews.js';
import { openActionCount } from './overdueActions.js';
import { riskConfig } from './settings.js';

// The Risk Matrix part of the provider card: decided vs computed rating, drivers, CQC ratings,
// restrictions, open actions, the score over 12 months, and restriction criteria the data shows.

const SPARK = '▁▂▃▄▅▆▇█';
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "▂▅█ Apr 2026: 4, May 2026: 18.2, Jun 2026: 35.9". Months with no recompute are left out. */
export function trendText(trend: Array<{ month: string; score: number }>, now: Date): string {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
  const months = trend.filter((t) => t.month >= from);
  if (months.length === 0) return 'No scores recorded yet.';
  const max = Math.max(...months.map((t) => t.score), 1);
  const spark = months.map((t) => SPARK[Math.min(SPARK.length - 1, Math.floor((t.score / max) * (SPARK.length - 1)))]).join('');
  return `${spark} ${months.map((t) => `${monthName.format(new Date(`${t.month}-01T00:00:00Z`))}: ${t.score}`).join(', ')}`;
}

function hostCouncil(kinds: RestrictionKind[]): RestrictionFacts['hostCouncil'] {
  if (kinds.includes('host-council-embargo')) return 'embargo';
  if (kinds.includes('host-council-caution')) return 'place-with-caution';
  return undefined;
}

export async function riskPanel(providerId: string, now = new Date()): Promise<ProviderRiskPanel | undefined> {
  if (!Types.ObjectId.isValid(providerId)) return undefined;
  const id = new Types.ObjectId(providerId);
  const [provider, state, restrictions, openActions] = await Promise.all([
    Provider.findById(id, { cqcRatings: 1, inArea: 1 }).lean(),
    RiskState.findById(id, { decided: 1, computed: 1, trend: 1 }).lean(),
    Restriction.find({ providerId: id, status: 'active' }, { kind: 1, startedAt: 1 }).sort({ startedAt: 1 }).lean(),
    openActionCount(id),
  ]);
  if (!provider) return undefined;
  const cqc = provider.cqcRatings ?? {};
  const decided = state?.decided?.rating ? state.decided : undefined;
  const computed = state?.computed?.rating ? state.computed : undefined;
  const kinds = restrictions.map((r) => r.kind as RestrictionKind);
  const criteria = restrictionCriteriaMet(
    {
      cqc,
      matrixRating: decided?.rating ?? computed?.rating ?? undefined,
      defaultNoticeIssued: kinds.includes('default-notice'),
      outOfArea: provider.inArea === false,
      hostCouncil: hostCouncil(kinds),
    },
    riskConfig(),
  );
  return {
    facts: [
      {
        label: 'Decided rating',
        value: decided ? `${decided.rating}, set by ${decided.by?.name ?? 'the chair'}${decided.at ? ` on ${formatDate(decided.at)}` : ''}` : 'Not set yet',
      },
      ...(decided?.rationale ? [{ label: 'Why', value: decided.rationale }] : []),
      {
        label: 'Computed rating (advice)',
        value: computed ? `${computed.rating}, score ${computed.score}${computed.computedAt ? `, worked out on ${formatDate(computed.computedAt)}` : ''}` : 'Not worked out yet',
      },
    ],
    drivers: driverLines(computed?.drivers ?? []),
    cqc: [
      { label: 'Overall', value: cqc.overall ?? 'Not known' },
      ...KEY_QUESTIONS.map((q) => ({ label: KEY_QUESTION_NAMES[q], value: cqc[q] ?? 'Not known' })),
    ],
    restrictions: restrictions.length
      ? restrictions.map((r) => `${RESTRICTION_LABELS[r.kind as RestrictionKind] ?? r.kind} since ${formatDate(r.startedAt)}`)
      : ['None in place.'],
    openActions: openActions === 0 ? 'None' : String(openActions),
    trend: trendText((state?.trend ?? []).map((t) => ({ month: t.month ?? '', score: t.score ?? 0 })), now),
    criteria: [
      ...(criteria.embargo.length ? [`Criteria for embargo met: ${criteria.embargo.join('; ')}.`] : []),
      ...(criteria.placeWithCaution.length ? [`Criteria for place with caution met: ${criteria.placeWithCaution.join('; ')}.`] : []),
    ],
    criteriaNote: 'These are suggestions from the data we hold. A named person decides on any restriction.',
  };
}

/** Adds the Risk Matrix panel and a "Set rating" button to a provider card. */
export async function withRiskPanel(view: ProviderSummaryView, now = new Date()): Promise<ProviderSummaryView> {
  const risk = await riskPanel(view.providerId, now);
  if (!risk) return view;
  return { ...view, risk, actions: [...view.actions, setRatingButton(view.providerId)] };
}
