import type { FileExportView, ProviderSummaryView, RatingChangeView, RatingFormView, ReviewTriggerView, RiskMatrixView } from '../../cards/viewModels.js';
import { defaultRiskConfig } from '../../src/core/risk/index.js';
import { matrixExportView, ratingChangeView, ratingFormView, reviewTriggerView, riskMatrixView, type MatrixRow } from '../../src/app/views/riskViews.js';
import type { Sample } from './sampleViews.js';

// Sample views for the Risk Matrix screens, typical and at the edges. sampleViews.ts includes them, so
// the card contract tests render and validate each on both platforms.

const PROVIDER_ID = '65f1c0ffee0000000000abcd';
const long = (length: number, seed = 'Staff said <@channel> & "others" > 5 visits were missed. ') => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
const LONG_NAME = `Sunnyside ${long(190, 'Residential & Nursing Care Homes (North) Limited ')}`;
const AT = new Date('2026-03-27T10:00:00Z');
const drivers = [
  { label: 'CQC rated the service as requires improvement overall', points: 8 },
  { label: '90 commissioned hours a week (score x 1.25)', points: 7.2 },
  { label: '2 adverse safeguarding concerns in the last 90 days', points: 6 },
  { label: '1 CQ1 concern report in the last 30 days', points: 4 },
  { label: '2 improvement actions overdue', points: 4 },
  { label: '1 compliment in the last 30 days', points: -1 },
];

export const RATING_CHANGE_SAMPLES: Sample<RatingChangeView>[] = [
  {
    name: 'computed rating crossed a band',
    view: ratingChangeView({ providerId: PROVIDER_ID, providerName: 'Sunnyside Care Ltd', kind: 'computed', from: 'Amber', to: 'Red', score: 35.9, drivers, at: AT }),
    mustShow: ['Sunnyside Care Ltd', 'Amber to Red'],
  },
  {
    name: 'decided rating, long name and long rationale',
    view: ratingChangeView({
      providerId: PROVIDER_ID,
      providerName: LONG_NAME,
      kind: 'decided',
      from: undefined,
      to: 'Blue',
      score: 51.2,
      drivers: [],
      decidedBy: long(120, 'Alexandra Montgomery-Smythe '),
      rationale: long(1000),
      at: AT,
    }),
    mustShow: [LONG_NAME],
  },
];

const formBase = {
  providerId: PROVIDER_ID,
  providerName: 'Sunnyside Care Ltd',
  scale: defaultRiskConfig.scale,
  computed: { rating: 'Red', score: 35.9 },
  expectedVersion: 3,
};

export const RATING_FORM_SAMPLES: Sample<RatingFormView>[] = [
  { name: 'set-rating form, nothing decided yet', view: ratingFormView({ ...formBase, expectedVersion: 0, computed: undefined }) },
  { name: 'set-rating form, decided before', view: ratingFormView({ ...formBase, decided: { rating: 'Amber', by: 'Chris Chair', at: AT } }) },
  {
    name: 'set-rating form, changed under the chair, errors and a long rationale kept',
    view: ratingFormView({
      ...formBase,
      providerName: LONG_NAME,
      decided: { rating: 'Blue', by: long(120, 'Alexandra Montgomery-Smythe '), at: AT },
      values: { rating: 'Red', rationale: long(1000) },
      errors: { rating: 'Choose a rating', rationale: 'Say why you chose this rating' },
      formError: 'The rating changed while you had this form open. It is now Blue. Your answers are below: check them and save again.',
    }),
  },
];

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ reference: `INT-${String(i).padStart(6, '0')}`, eventDate: AT, source: 'Safeguarding concern', themes: 'Medication, Staffing' }));

export const REVIEW_TRIGGER_SAMPLES: Sample<ReviewTriggerView>[] = [
  {
    name: 'review card, open',
    view: reviewTriggerView({ id: 'rt1', providerId: PROVIDER_ID, providerName: 'Sunnyside Care Ltd', label: '3 adverse items in the last 90 days', status: 'open', items: items(3) }),
    mustShow: ['Sunnyside Care Ltd'],
  },
  {
    name: 'review card, open, no reason given, many items',
    view: reviewTriggerView({ id: 'rt2', providerId: PROVIDER_ID, providerName: LONG_NAME, label: '20 adverse items in the last 90 days', status: 'open', items: items(20), reasonError: 'Say why you are dismissing this' }),
  },
  {
    name: 'review card, dismissed with a long reason',
    view: reviewTriggerView({ id: 'rt3', providerId: PROVIDER_ID, providerName: 'Sunnyside Care Ltd', label: '2 safeguarding concerns in the last 30 days', status: 'dismissed', by: 'Quinn Officer', at: AT, dismissedReason: long(500), items: [] }),
  },
];

const rows = (n: number, rating: string | undefined): MatrixRow[] =>
  Array.from({ length: n }, (_, i) => ({ name: `${i} ${LONG_NAME}`, rating, decided: i % 2 === 0, score: 10 + i }));
const SCALE = defaultRiskConfig.scale.map((r) => r.name);

export const MATRIX_SAMPLES: Sample<RiskMatrixView>[] = [
  {
    name: 'matrix, a few providers',
    view: riskMatrixView('Risk Matrix: adults', [
      { name: 'Oak Lodge Care Home', rating: 'Blue', decided: true, score: 51 },
      { name: 'Riverside Home Care', rating: 'Red', decided: false, score: 30 },
      { name: 'Willow', rating: undefined, decided: false, score: undefined },
    ], SCALE, 'adults:all'),
    mustShow: ['Oak Lodge Care Home'],
  },
  { name: 'matrix, nothing matches', view: riskMatrixView('Risk Matrix: children, Blue', [], SCALE, 'children:Blue') },
  { name: 'matrix, long lists in every group', view: riskMatrixView('Risk Matrix: all providers', [...rows(40, 'Blue'), ...rows(40, 'Red'), ...rows(40, 'Amber'), ...rows(40, 'Green'), ...rows(40, undefined)], SCALE, 'all:all') },
];

export const FILE_EXPORT_SAMPLES: Sample<FileExportView>[] = [
  { name: 'matrix export', view: matrixExportView('risk-matrix-all-2026-03-27.csv', 120, 'Provider\r\nOak\r\n') },
  {
    name: 'matrix export as a Teams download link',
    view: {
      ...matrixExportView('risk-matrix-all-2026-03-27.csv', 120, 'Provider\r\nOak\r\n'),
      download: { url: 'https://pq-bot.example.gov.uk/downloads/abcdefghijklmnopqrstuvwxyz012345', note: 'The link works for 15 minutes.' },
    },
  },
];

/** A provider card with the Risk Matrix panel, as /provider shows it. */
export function withRiskPanel(view: ProviderSummaryView, longValues = false): ProviderSummaryView {
  return {
    ...view,
    actions: [...view.actions, { verb: 'rating.set', label: 'Set rating', value: view.providerId, style: 'primary' }],
    risk: {
      facts: [
        { label: 'Decided rating', value: longValues ? `Blue, set by ${long(120)} on 27 March 2026` : 'Red, set by Chris Chair on 27 March 2026' },
        { label: 'Why', value: longValues ? long(1000) : 'Medication errors at three visits.' },
        { label: 'Computed rating (advice)', value: 'Red, score 35.9, worked out on 27 March 2026' },
      ],
      drivers: drivers.map((d) => `${d.label}: ${d.points} points`).slice(0, 5),
      cqc: ['Overall', 'Safe', 'Effective', 'Caring', 'Responsive', 'Well-led'].map((label) => ({ label, value: 'Requires improvement' })),
      restrictions: longValues ? Array.from({ length: 6 }, () => 'Embargo in place since 1 February 2026') : ['None in place.'],
      openActions: 'None',
      trend: '▁▂▃▄▅▆▇█▇▆▅▄ Apr 2025: 4, May 2025: 6.1, Jun 2025: 10.2, Jul 2025: 12, Aug 2025: 18, Sep 2025: 20.5, Oct 2025: 25, Nov 2025: 30, Dec 2025: 28, Jan 2026: 26, Feb 2026: 22, Mar 2026: 20',
      criteria: longValues
        ? ['Criteria for embargo met: CQC rated Safe as inadequate (16.2); CQC rated 3 key questions as inadequate (16.2).', `Criteria for place with caution met: ${long(900)}`]
        : [],
      criteriaNote: 'These are suggestions from the data we hold. A named person decides on any restriction.',
    },
  };
}
