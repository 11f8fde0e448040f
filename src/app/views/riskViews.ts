import type {
  ActionButton,
  Fact,
  FileExportView,
  ProviderRiskPanel,
  RatingChangeView,
  RatingFormView,
  ReviewTriggerView,
  RiskMatrixView,
} from '../../../cards/viewModels.js';
import type { RiskDriver } from '../../core/risk/index.js';
import { formatDate, plural } from './formatting.js';

// View models for the Risk Matrix screens. Words follow GOV.UK style: short, sentence case, and say
// what happened and what to do next.

export const ADVICE_NOTE = 'The computed rating is advice. The meeting chair decides the rating the council acts on.';

const points = (n: number) => `${n > 0 ? '' : '−'}${Math.abs(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
export const driverLines = (drivers: readonly Pick<RiskDriver, 'label' | 'points'>[], limit = 5): string[] =>
  drivers.slice(0, limit).map((d) => `${d.label}: ${points(d.points)}`);

const viewProvider = (providerId: string): ActionButton => ({ verb: 'provider.view', label: 'View provider', value: providerId });
export const setRatingButton = (providerId: string): ActionButton => ({ verb: 'rating.set', label: 'Set rating', value: providerId, style: 'primary' });

export interface RatingChange {
  providerId: string;
  providerName: string;
  kind: 'computed' | 'decided';
  from: string | undefined;
  to: string;
  score?: number | undefined;
  drivers: readonly Pick<RiskDriver, 'label' | 'points'>[];
  decidedBy?: string | undefined;
  rationale?: string | undefined;
  at: Date;
}

export function ratingChangeView(change: RatingChange): RatingChangeView {
  const moved = change.from ? `${change.from} to ${change.to}` : `set to ${change.to}`;
  const facts: Fact[] =
    change.kind === 'decided'
      ? [
          { label: 'Decided rating', value: change.from ? `${change.from} to ${change.to}` : change.to },
          { label: 'Decided by', value: `${change.decidedBy ?? 'The chair'} on ${formatDate(change.at)}` },
          { label: 'Rationale', value: change.rationale ?? '' },
          ...(change.score !== undefined ? [{ label: 'Computed score', value: String(change.score) }] : []),
        ]
      : [
          { label: 'Computed rating', value: moved },
          ...(change.score !== undefined ? [{ label: 'Score', value: String(change.score) }] : []),
          { label: 'Worked out on', value: formatDate(change.at) },
        ];
  return {
    screen: 'rating-change',
    providerId: change.providerId,
    heading:
      change.kind === 'decided'
        ? `Rating decided for ${change.providerName}: ${change.to}`
        : `Computed rating changed for ${change.providerName}: ${change.to}`,
    change: change.from ? `${change.from} to ${change.to}` : change.to,
    facts,
    drivers: driverLines(change.drivers),
    note: change.kind === 'decided' ? 'This is the rating the council acts on.' : `${ADVICE_NOTE} Use "Set rating" to record a decision.`,
    actions: [viewProvider(change.providerId), setRatingButton(change.providerId)],
  };
}

export interface RatingFormInput {
  providerId: string;
  providerName: string;
  scale: readonly { name: string; description?: string | undefined }[];
  decided?: { rating: string; by?: string | undefined; at?: Date | undefined } | undefined;
  computed?: { rating: string; score: number } | undefined;
  expectedVersion: number;
  values?: RatingFormView['values'];
  errors?: RatingFormView['errors'];
  formError?: string;
}

export function ratingFormView(input: RatingFormInput): RatingFormView {
  const decided = input.decided;
  return {
    screen: 'rating-form',
    providerId: input.providerId,
    providerName: input.providerName,
    title: 'Set the risk rating',
    intro: `Choose the rating for ${input.providerName} and say why. Everyone subscribed to rating changes will be told.`,
    current: [
      { label: 'Decided rating', value: decided ? `${decided.rating}${decided.by ? `, set by ${decided.by}` : ''}${decided.at ? ` on ${formatDate(decided.at)}` : ''}` : 'Not set yet' },
      { label: 'Computed rating', value: input.computed ? `${input.computed.rating} (score ${input.computed.score})` : 'Not worked out yet' },
    ],
    ratings: input.scale.map((r) => ({ value: r.name, label: r.name, ...(r.description ? { description: r.description } : {}) })),
    expectedVersion: input.expectedVersion,
    values: { ...(decided && !input.values ? { rating: decided.rating } : {}), ...input.values },
    errors: input.errors ?? {},
    ...(input.formError ? { formError: input.formError } : {}),
  };
}

export interface ReviewTriggerInput {
  id: string;
  providerId: string;
  providerName: string;
  label: string;
  status: 'open' | 'dismissed' | 'reviewing';
  by?: string | undefined;
  at?: Date | undefined;
  dismissedReason?: string | undefined;
  items: Array<{ reference: string; eventDate: Date; source: string; themes: string }>;
  reasonError?: string;
}

export function reviewTriggerView(input: ReviewTriggerInput): ReviewTriggerView {
  const when = input.at ? ` on ${formatDate(input.at)}` : '';
  const status =
    input.status === 'open'
      ? 'Open: open a review, or dismiss this with a reason.'
      : input.status === 'reviewing'
        ? `Review opened by ${input.by ?? 'a colleague'}${when}.`
        : `Dismissed by ${input.by ?? 'a colleague'}${when}. Reason: ${input.dismissedReason ?? ''}`;
  const open = input.status === 'open';
  return {
    screen: 'review-trigger',
    triggerId: input.id,
    providerId: input.providerId,
    heading: `Review this provider: ${input.providerName}`,
    reason: `${input.label[0]!.toUpperCase()}${input.label.slice(1)}.`,
    items: input.items.map((item) => `${item.reference}, ${formatDate(item.eventDate)}: ${item.source}${item.themes ? ` (${item.themes})` : ''}`),
    status,
    open,
    ...(input.reasonError ? { reasonError: input.reasonError } : {}),
    actions: open
      ? [
          { verb: 'review.open', label: 'Open review', value: input.id, style: 'primary' },
          { verb: 'review.dismiss', label: 'Dismiss', value: input.id },
          viewProvider(input.providerId),
        ]
      : [viewProvider(input.providerId)],
  };
}

export interface MatrixRow {
  name: string;
  rating: string | undefined;
  decided: boolean;
  score: number | undefined;
}

/** A card must stay small (Teams takes 40 KB, a Slack section 3000 characters): long lists point to the CSV. */
const LINES_PER_GROUP = 12;
const LINES_IN_ALL = 40;

export function riskMatrixView(title: string, rows: MatrixRow[], scaleOrder: readonly string[], exportValue: string): RiskMatrixView {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const key = row.rating ?? 'Not worked out yet';
    const line = `${row.name}${row.rating && !row.decided ? ' (computed, not yet decided)' : ''}${row.score !== undefined ? `, score ${row.score}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const order = [...scaleOrder, 'Not worked out yet'];
  const sorted = [...groups.entries()].sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return {
    screen: 'risk-matrix',
    heading: title,
    summary: rows.length
      ? `${plural(rows.length, 'provider')}: ${sorted.map(([rating, lines]) => `${rating} ${lines.length}`).join(', ')}.`
      : 'No providers match. Try without a rating, or check the client group.',
    groups: sorted.map(([rating, lines], index) => {
      // Most severe groups first get their lines; later groups share what is left of the total.
      const before = sorted.slice(0, index).reduce((sum, [, l]) => sum + Math.min(l.length, LINES_PER_GROUP), 0);
      const shown = Math.max(0, Math.min(LINES_PER_GROUP, LINES_IN_ALL - before));
      return {
        rating,
        lines: lines.slice(0, shown),
        ...(lines.length > shown ? { more: `${shown ? 'And ' : ''}${lines.length - shown}${shown ? ' more' : ' providers'}. Export the CSV to see them all.` } : {}),
      };
    }),
    note: 'Decided ratings are shown where the chair has set one. Otherwise the computed rating is shown, which is advice only.',
    actions: [{ verb: 'matrix.export', label: 'Export CSV', value: exportValue }],
  };
}

export function matrixExportView(name: string, rows: number, csv: string): FileExportView {
  return {
    screen: 'file-export',
    heading: 'Risk Matrix exported',
    lines: [`${plural(rows, 'provider')} in ${name}.`, 'Keep it inside the council: it is official-sensitive.'],
    file: { name, mimeType: 'text/csv', content: csv },
  };
}

export type { ProviderRiskPanel };
