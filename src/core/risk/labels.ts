import type { Sentiment } from '../vocabulary.js';
import type { KeyQuestion, RestrictionKind, RiskSource } from './riskConfig.js';

// Plain-English words for drivers and reasons (GOV.UK style: short, sentence case).

const NOUNS: Record<RiskSource, [singular: string, plural: string]> = {
  cq1: ['CQ1 concern report', 'CQ1 concern reports'],
  complaint: ['complaint', 'complaints'],
  compliment: ['compliment', 'compliments'],
  safeguarding: ['safeguarding concern', 'safeguarding concerns'],
  whistleblowing: ['whistleblowing report', 'whistleblowing reports'],
  'cqc-report': ['CQC report', 'CQC reports'],
  'other-council': ['report from another council', 'reports from other councils'],
  healthwatch: ['Healthwatch report', 'Healthwatch reports'],
  'professional-feedback': ['piece of professional feedback', 'pieces of professional feedback'],
  'contract-monitoring': ['contract monitoring report', 'contract monitoring reports'],
  visit: ['visit report', 'visit reports'],
  police: ['police report', 'police reports'],
  health: ['report from a health partner', 'reports from health partners'],
  feedback: ['piece of feedback', 'pieces of feedback'],
  other: ['item from another source', 'items from other sources'],
};

// Sources whose name already says whether they are good or bad news.
const IMPLIED: Partial<Record<RiskSource, Sentiment>> = { cq1: 'adverse', complaint: 'adverse', compliment: 'positive' };

/** "2 adverse safeguarding concerns", "1 complaint", "3 compliments". No sentiment: no adjective. */
export function countedSource(count: number, source: RiskSource, sentiment?: Sentiment): string {
  const [one, many] = NOUNS[source] ?? NOUNS.other;
  const adjective = !sentiment || IMPLIED[source] === sentiment ? '' : `${sentiment} `;
  return `${count} ${adjective}${count === 1 ? one : many}`;
}

/** The shortest plain window that holds an age: "in the last 30 days", "in the last year", "in the last 3 years". */
export function withinPhrase(ageDays: number): string {
  for (const days of [30, 90, 180]) if (ageDays <= days) return `in the last ${days} days`;
  const years = Math.max(1, Math.ceil(ageDays / 365));
  return years === 1 ? 'in the last year' : `in the last ${years} years`;
}

export const KEY_QUESTION_NAMES: Record<KeyQuestion, string> = {
  safe: 'Safe',
  effective: 'Effective',
  caring: 'Caring',
  responsive: 'Responsive',
  wellLed: 'Well-led',
};

export const RESTRICTION_LABELS: Record<RestrictionKind, string> = {
  suspension: 'Suspension of new placements in place',
  embargo: 'Embargo in place',
  'default-notice': 'Default notice issued',
  'host-council-embargo': 'Host council has an embargo in place',
  'place-with-caution': 'Place with caution in place',
  'host-council-caution': 'Host council has a place with caution in place',
};

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
