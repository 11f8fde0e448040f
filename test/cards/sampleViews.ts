import type {
  ActionButton,
  Fact,
  IntelligenceAlertView,
  IntelligenceFormView,
  IntelligenceSavedView,
  MessageView,
  ProviderMatchesView,
  ProviderSummaryView,
  ScreenView,
} from '../../cards/viewModels.js';
import { message } from '../../cards/viewModels.js';
import { FORM_FIELDS, SUMMARY_MAX, type FieldErrors } from '../../src/core/intelligence/intelligenceForm.js';
import { THEMES } from '../../src/core/vocabulary.js';
import { intelligenceAlertView, intelligenceFormView, intelligenceSavedView, type SavedRecord } from '../../src/app/views/intelligenceViews.js';
import { providerMatchesView } from '../../src/app/views/providerViews.js';
import { FILE_EXPORT_SAMPLES, MATRIX_SAMPLES, RATING_CHANGE_SAMPLES, RATING_FORM_SAMPLES, REVIEW_TRIGGER_SAMPLES, withRiskPanel } from './riskSampleViews.js';

// Sample view models for every screen, typical and at the edges. The card contract tests render each one
// on both platforms, so a new screen is covered once its samples are added here.

export interface Sample<V extends ScreenView = ScreenView> {
  name: string;
  view: V;
  /** Facts a person must be able to read on both platforms, whole, such as the provider's name. */
  mustShow?: string[];
}

/** Text of exactly `length` characters, with markup characters in it so escaping can only make it longer. */
export function longText(length: number, seed = 'Staff said <@channel> & "others" > 5 visits were missed. '): string {
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
}

const PROVIDER_ID = '65f1c0ffee0000000000abcd';
const LONG_PROVIDER_NAME = `Sunnyside ${longText(190, 'Residential & Nursing Care Homes (North) Limited ')}`;

const record: SavedRecord = {
  id: 'i1',
  reference: 'INT-2026-00042',
  providerId: PROVIDER_ID,
  providerName: 'Sunnyside Care Ltd',
  serviceName: 'Sunnyside House',
  source: 'cq1',
  sentiment: 'adverse',
  themes: ['medication', 'staffing'],
  eventDate: new Date('2026-03-27T00:00:00Z'),
  urgency: 'urgent',
  summary: 'Medication was given two hours late on three days. The manager has been told.',
  loggedByName: 'Sam Jones',
};

const longRecord: SavedRecord = {
  ...record,
  reference: 'INT-2026-99999',
  providerName: LONG_PROVIDER_NAME,
  serviceName: longText(200, 'The Annexe at Sunnyside & Co '),
  themes: [...THEMES],
  urgency: 'immediate-risk',
  summary: longText(SUMMARY_MAX),
  loggedByName: longText(120, 'Alexandra Montgomery-Smythe '),
};

const providerChoices = [
  { value: PROVIDER_ID, label: 'Sunnyside Care Ltd' },
  { value: '65f1c0ffee0000000000abce', label: 'Oak Lodge Residential Home' },
  { value: '65f1c0ffee0000000000abcf', label: 'Riverside Home Care' },
];

const everyFieldError: FieldErrors = Object.fromEntries(
  FORM_FIELDS.map((field) => [field, `Check the ${field} field: ${longText(200, 'this answer needs changing before it can be saved. ')}`]),
);

export const FORM_SAMPLES: Sample<IntelligenceFormView>[] = [
  { name: 'CQ1 form, empty (one source, so no source question on Slack)', view: intelligenceFormView({ kind: 'cq1', formId: 'form-cq1', providerChoices }) },
  {
    name: 'intelligence form, filled in from a message, every theme chosen',
    view: intelligenceFormView({
      kind: 'intel',
      formId: 'form-intel',
      providerChoices,
      values: {
        provider: PROVIDER_ID,
        providerName: 'Sunnyside Care Ltd',
        service: 'Sunnyside House',
        source: 'safeguarding',
        sentiment: 'adverse',
        themes: THEMES.join(','),
        eventDate: '2026-03-27',
        summary: 'A resident fell and nobody recorded it.',
        serviceUserRef: 'AB-1234',
        urgency: 'immediate-risk',
        messageLink: 'https://example.slack.com/archives/C123/p1711530000000100',
      },
    }),
  },
  {
    name: 'feedback form, an error on every field and a form error, values at their limits',
    view: intelligenceFormView({
      kind: 'feedback',
      formId: 'form-feedback',
      providerChoices,
      values: {
        provider: PROVIDER_ID,
        providerName: LONG_PROVIDER_NAME,
        service: longText(200),
        source: 'compliment',
        sentiment: 'positive',
        themes: 'staffing,not-a-theme',
        eventDate: '2099-01-01',
        summary: longText(SUMMARY_MAX),
        serviceUserRef: 'AB-1234/5678-9012-34',
        urgency: 'routine',
      },
      errors: everyFieldError,
      formError: 'Your answers were not saved because the database could not be reached. Try again in a minute.',
    }),
  },
  {
    // Teams sends back every action data key, so a re-shown form has an empty message link.
    name: 'form shown again after a Teams submission with no message link',
    view: intelligenceFormView({
      kind: 'cq1',
      formId: 'form-again',
      providerChoices: [],
      values: { provider: PROVIDER_ID, summary: 'A resident fell.', messageLink: '' },
      errors: { eventDate: 'Enter the date it happened', urgency: 'Choose how urgent this is' },
    }),
  },
  {
    name: 'intelligence form, no providers to offer, long form id',
    view: intelligenceFormView({ kind: 'intel', formId: `form-${'x'.repeat(96)}`, providerChoices: [] }),
  },
  {
    // The app offers at most 50 providers up front (openIntelligenceForm); the rest are found by searching.
    name: 'intelligence form, a full first page of providers with long names',
    view: intelligenceFormView({
      kind: 'intel',
      formId: 'form-many',
      providerChoices: Array.from({ length: 50 }, (_, i) => ({ value: `65f1c0ffee00000000${String(i).padStart(6, '0')}`, label: `${i} ${LONG_PROVIDER_NAME}` })),
    }),
  },
];

const viewProvider: ActionButton = { verb: 'provider.view', label: 'View provider', value: PROVIDER_ID };

/** More facts than one Slack section holds, two of them longer than a Slack field holds. */
const manyFacts = (count: number): Fact[] =>
  Array.from({ length: count }, (_, i) => ({ label: `Fact ${i + 1} & more`, value: i < 2 ? longText(2500, `Value ${i + 1} <with> & markup. `) : `Value ${i + 1}` }));

export const SAVED_SAMPLES: Sample<IntelligenceSavedView>[] = [
  { name: 'saved CQ1', view: intelligenceSavedView(record), mustShow: [record.providerName, record.reference, record.summary] },
  {
    name: 'saved positive feedback without a service',
    view: intelligenceSavedView({ ...record, serviceName: undefined, sentiment: 'positive', source: 'compliment', themes: [] }),
    mustShow: [record.providerName, record.reference],
  },
  { name: 'saved, every value at its longest', view: intelligenceSavedView(longRecord), mustShow: [LONG_PROVIDER_NAME, longRecord.reference] },
  {
    name: 'saved, unshortened 3000-character summary, 12 facts, repeated buttons',
    view: {
      ...intelligenceSavedView(longRecord),
      heading: `Saved: ${longText(400)}`,
      summary: longText(SUMMARY_MAX),
      facts: [{ label: 'Provider', value: LONG_PROVIDER_NAME }, ...manyFacts(11)],
      actions: [viewProvider, viewProvider, { verb: 'intel.open', label: longText(120, 'Add more intelligence '), value: PROVIDER_ID, style: 'primary' }],
    },
    mustShow: [LONG_PROVIDER_NAME, longRecord.reference],
  },
  { name: 'saved with no facts and no buttons', view: { ...intelligenceSavedView(record), facts: [], actions: [] } },
];

export const ALERT_SAMPLES: Sample<IntelligenceAlertView>[] = [
  { name: 'alert, urgent CQ1', view: intelligenceAlertView(record), mustShow: [record.providerName, record.reference, record.summary, 'Sam Jones'] },
  { name: 'alert, immediate risk, every value at its longest', view: intelligenceAlertView(longRecord), mustShow: [LONG_PROVIDER_NAME, longRecord.reference] },
  {
    name: 'alert, unshortened summary and many facts',
    view: { ...intelligenceAlertView(longRecord), summary: longText(SUMMARY_MAX + 500), facts: manyFacts(21), actions: [viewProvider, viewProvider] },
    mustShow: [LONG_PROVIDER_NAME, longRecord.reference],
  },
  { name: 'alert with no facts and no buttons', view: { ...intelligenceAlertView(record), facts: [], actions: [] } },
];

const summaryBase: ProviderSummaryView = {
  screen: 'provider-summary',
  providerId: PROVIDER_ID,
  name: 'Sunnyside Care Ltd',
  facts: [
    { label: 'Client group', value: 'Adults' },
    { label: 'Area', value: 'In our area' },
    { label: 'CQC overall rating', value: 'Requires improvement' },
    { label: 'Hours commissioned a week', value: '420' },
  ],
  services: [
    { name: 'Sunnyside House', type: 'Care home' },
    { name: 'Sunnyside at Home', type: 'Home care agency' },
  ],
  latest: [
    { reference: 'INT-2026-00042', line: '27 March 2026: CQ1 concern report, adverse (INT-2026-00042). Medication was given two hours late.' },
    { reference: 'INT-2026-00041', line: '20 March 2026: Compliment, positive (INT-2026-00041). Family praised the staff.' },
  ],
  countsBySource: [
    { label: 'CQ1 concern report', value: '3' },
    { label: 'Compliment', value: '1' },
  ],
  emptyIntelligence: 'Nothing logged yet. Use "Add intelligence" to record the first item.',
  actions: [{ verb: 'intel.open', label: 'Add intelligence', value: PROVIDER_ID, style: 'primary' }],
};

export const SUMMARY_SAMPLES: Sample<ProviderSummaryView>[] = [
  { name: 'provider summary', view: summaryBase, mustShow: ['Sunnyside Care Ltd', 'Sunnyside House', 'INT-2026-00042', 'Requires improvement'] },
  { name: 'provider summary, nothing recorded', view: { ...summaryBase, services: [], latest: [], countsBySource: [], actions: [] } },
  {
    // As many services (20) and latest items (5) as providerWithDetail loads, every source counted.
    name: 'provider summary, long name and long lists',
    view: {
      ...summaryBase,
      name: LONG_PROVIDER_NAME,
      facts: manyFacts(12),
      services: Array.from({ length: 20 }, (_, i) => ({ name: `${i} ${longText(200, 'The Willows & Annexe ')}`, type: 'Nursing home' })),
      latest: Array.from({ length: 5 }, (_, i) => ({ reference: `INT-2026-${String(i).padStart(5, '0')}`, line: `INT-2026-${String(i).padStart(5, '0')}: ${longText(700)}` })),
      countsBySource: Array.from({ length: 14 }, (_, i) => ({ label: `Source ${i} & <kind>`, value: String(i * 100) })),
    },
    mustShow: [LONG_PROVIDER_NAME],
  },
];

// Provider cards with the Risk Matrix panel (see riskSampleViews.ts).
SUMMARY_SAMPLES.push(
  { name: 'provider summary with the Risk Matrix panel', view: withRiskPanel(summaryBase), mustShow: ['Sunnyside Care Ltd'] },
  { name: 'provider summary with the Risk Matrix panel, long values and criteria met', view: withRiskPanel({ ...summaryBase, name: LONG_PROVIDER_NAME }, true) },
);

export const MATCHES_SAMPLES: Sample<ProviderMatchesView>[] = [
  {
    name: 'provider matches, five suggestions',
    view: providerMatchesView(
      'Sunny',
      Array.from({ length: 5 }, (_, i) => ({ id: `65f1c0ffee0000000000000${i}`, name: `Sunnyside ${i} Care Ltd` })),
    ),
  },
  { name: 'provider matches, none', view: providerMatchesView('Zzzz', []) },
  {
    name: 'provider matches, long query and long names',
    view: providerMatchesView(
      longText(500),
      Array.from({ length: 5 }, (_, i) => ({ id: `65f1c0ffee0000000000001${i}`, name: `${i} ${LONG_PROVIDER_NAME}` })),
    ),
  },
];

export const MESSAGE_SAMPLES: Sample<MessageView>[] = [
  {
    name: 'help message',
    view: message('What I can do', ['Type "cq1" to log a CQ1 concern.', 'Type "provider Sunnyside" to see a provider.', 'Type "subscribe all" in a channel to get alerts there.']),
  },
  { name: 'success message with no lines', view: message('Subscribed', [], 'success') },
  {
    name: 'warning with repeated buttons',
    view: message('Not permitted', ['Only a care quality officer can do that.'], 'warning', [
      { verb: 'help.show', label: 'Show help', value: 'help' },
      { verb: 'help.show', label: 'Show help again', value: 'help' },
      { verb: 'intel.open', label: 'Add intelligence', value: 'intel', style: 'primary' },
      { verb: 'role.remove', label: 'Remove', value: 'x', style: 'danger' },
    ]),
  },
  {
    name: 'message with many long lines and markup',
    view: message(longText(300), Array.from({ length: 30 }, (_, i) => `${i}: ${longText(200)}`), 'info', [
      // A button value at Slack's limit: values are ids, so the renderers must never need to cut one.
      { verb: 'help.show', label: longText(100), value: longText(2000) },
    ]),
  },
  {
    name: 'message whose text contains template-like characters',
    view: message('Costs of ${amount} were queried', ['The provider wrote "${total} due" on the invoice.', 'Braces { } and dollars $ stay as typed.'], 'warning'),
    mustShow: ['Costs of ${amount} were queried', 'The provider wrote "${total} due" on the invoice.'],
  },
];

/** Every sample, by screen. A new screen's samples go in here; until then its template shows as a todo. */
export const SAMPLES_BY_SCREEN: { [S in ScreenView['screen']]?: Sample<Extract<ScreenView, { screen: S }>>[] } = {
  'intelligence-form': FORM_SAMPLES,
  'intelligence-saved': SAVED_SAMPLES,
  'intelligence-alert': ALERT_SAMPLES,
  'provider-summary': SUMMARY_SAMPLES,
  'provider-matches': MATCHES_SAMPLES,
  message: MESSAGE_SAMPLES,
  'rating-change': RATING_CHANGE_SAMPLES,
  'rating-form': RATING_FORM_SAMPLES,
  'review-trigger': REVIEW_TRIGGER_SAMPLES,
  'risk-matrix': MATRIX_SAMPLES,
  'file-export': FILE_EXPORT_SAMPLES,
};

export const ALL_SAMPLES: Sample[] = Object.values(SAMPLES_BY_SCREEN).flat() as Sample[];

/** Form samples are modals on Slack; every other screen is a message. A new modal screen needs its renderer in blockKit.test.ts. */
// The set-rating form is a Slack modal too; test/cards/riskCards.test.ts checks its renderer.
export const NON_FORM_SAMPLES = ALL_SAMPLES.filter((sample) => sample.view.screen !== 'intelligence-form' && sample.view.screen !== 'rating-form') as Sample<
  Exclude<ScreenView, IntelligenceFormView>
>[];
