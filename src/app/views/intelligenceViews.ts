import type { ActionButton, Choice, IntelligenceAlertView, IntelligenceFormView, IntelligenceSavedView } from '../../../cards/viewModels.js';
import type { FieldErrors } from '../../core/intelligence/intelligenceForm.js';
import {
  FORM_SOURCES,
  FORM_TITLES,
  SENTIMENT_LABELS,
  SENTIMENTS,
  SOURCE_LABELS,
  THEME_LABELS,
  THEMES,
  URGENCIES,
  URGENCY_LABELS,
  type FormKind,
  type IntelligenceSource,
  type Sentiment,
  type Theme,
  type Urgency,
} from '../../core/vocabulary.js';
import { formatDate, shorten } from './formatting.js';

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] =>
  values.map((value) => ({ value, label: labels[value] }));

const INTROS: Record<FormKind, string> = {
  cq1: 'Report a concern about the care or support someone received. Anyone on the team can do this.',
  intel: 'Record anything we have learned about a provider, good or bad.',
  feedback: 'Record feedback from professionals: good practice as well as concerns.',
};

export interface FormViewInput {
  kind: FormKind;
  formId: string;
  providerChoices: Choice[];
  values?: IntelligenceFormView['values'];
  errors?: FieldErrors;
  formError?: string;
}

export function intelligenceFormView(input: FormViewInput): IntelligenceFormView {
  const sources = FORM_SOURCES[input.kind];
  const values = { ...input.values };
  if (sources.length === 1) values.source = sources[0];
  if (input.kind === 'cq1') values.sentiment ??= 'adverse';
  return {
    screen: 'intelligence-form',
    formKind: input.kind,
    formId: input.formId,
    title: FORM_TITLES[input.kind],
    intro: INTROS[input.kind],
    sources: sources.map((value) => ({ value, label: SOURCE_LABELS[value] })),
    sentiments: choices(SENTIMENTS, SENTIMENT_LABELS),
    themes: choices(THEMES, THEME_LABELS),
    urgencies: choices(URGENCIES, URGENCY_LABELS),
    providerChoices: input.providerChoices,
    values,
    errors: input.errors ?? {},
    ...(input.formError ? { formError: input.formError } : {}),
  };
}

export interface SavedRecord {
  id: string;
  reference: string;
  providerId: string;
  providerName: string;
  serviceName?: string;
  source: IntelligenceSource;
  sentiment: Sentiment;
  themes: string[];
  eventDate: Date;
  urgency: Urgency;
  summary: string;
  loggedByName?: string;
}

const themeText = (themes: string[]) => (themes.length ? themes.map((t) => THEME_LABELS[t as Theme] ?? t).join(', ') : 'None given');

const viewProvider = (record: SavedRecord): ActionButton => ({ verb: 'provider.view', label: 'View provider', value: record.providerId });

export function intelligenceSavedView(record: SavedRecord): IntelligenceSavedView {
  return {
    screen: 'intelligence-saved',
    heading: `Saved: ${SOURCE_LABELS[record.source]} about ${record.providerName}`,
    reference: record.reference,
    facts: [
      { label: 'Provider', value: record.providerName },
      ...(record.serviceName ? [{ label: 'Service', value: record.serviceName }] : []),
      { label: 'Source', value: SOURCE_LABELS[record.source] },
      { label: 'Positive or adverse', value: record.sentiment === 'adverse' ? 'Adverse' : 'Positive' },
      { label: 'Themes', value: themeText(record.themes) },
      { label: 'Date it happened', value: formatDate(record.eventDate) },
      { label: 'Urgency', value: URGENCY_LABELS[record.urgency] },
    ],
    summary: shorten(record.summary, 500),
    nextStep:
      record.sentiment === 'adverse'
        ? 'The quality team has been told. Quote the reference if you need to add to this.'
        : 'Thank you. Quote the reference if you need to add to this.',
    actions: [viewProvider(record)],
  };
}

/** The short summary posted to subscribed channels. It leaves out the service user reference. */
export function intelligenceAlertView(record: SavedRecord): IntelligenceAlertView {
  return {
    screen: 'intelligence-alert',
    heading: `${record.urgency === 'immediate-risk' ? 'Immediate risk: ' : ''}${SOURCE_LABELS[record.source]} about ${record.providerName}`,
    reference: record.reference,
    facts: [
      ...(record.serviceName ? [{ label: 'Service', value: record.serviceName }] : []),
      { label: 'Themes', value: themeText(record.themes) },
      { label: 'Date it happened', value: formatDate(record.eventDate) },
      { label: 'Urgency', value: URGENCY_LABELS[record.urgency] },
      { label: 'Logged by', value: record.loggedByName ?? 'A colleague' },
    ],
    summary: shorten(record.summary, 280),
    actions: [viewProvider(record)],
  };
}
