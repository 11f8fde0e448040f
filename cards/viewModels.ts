import type { FieldErrors, FormField } from '../src/core/intelligence/intelligenceForm.js';
import type { FormKind } from '../src/core/vocabulary.js';

// What each screen says, independent of platform. Slack renders these to Block Kit (cards/slack/),
// Teams to Adaptive Cards (cards/templates/ + cards/adaptive.ts).

export interface Choice {
  value: string;
  label: string;
}

/** A button. `verb` is both the Slack action_id and the Teams Action.Execute verb. */
export interface ActionButton {
  verb: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface IntelligenceFormView {
  screen: 'intelligence-form';
  formKind: FormKind;
  formId: string;
  title: string;
  intro: string;
  sources: Choice[];
  sentiments: Choice[];
  themes: Choice[];
  urgencies: Choice[];
  /** A first page of providers; Teams and Slack also search as you type. */
  providerChoices: Choice[];
  values: Partial<Record<FormField, string>> & { themes?: string; providerName?: string; messageLink?: string };
  errors: FieldErrors;
  /** A problem with the whole form, such as the database being unreachable. */
  formError?: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface IntelligenceSavedView {
  screen: 'intelligence-saved';
  heading: string;
  reference: string;
  facts: Fact[];
  summary: string;
  nextStep: string;
  actions: ActionButton[];
}

export interface IntelligenceAlertView {
  screen: 'intelligence-alert';
  heading: string;
  reference: string;
  facts: Fact[];
  summary: string;
  actions: ActionButton[];
}

export interface ProviderSummaryView {
  screen: 'provider-summary';
  providerId: string;
  name: string;
  facts: Fact[];
  services: Array<{ name: string; type: string }>;
  latest: Array<{ reference: string; line: string }>;
  countsBySource: Fact[];
  emptyIntelligence: string;
  actions: ActionButton[];
  /** The Risk Matrix part of the card: ratings, drivers, CQC, restrictions, trend and criteria hints. */
  risk?: ProviderRiskPanel;
}

export interface ProviderRiskPanel {
  /** Decided and computed rating, score, who decided and why. */
  facts: Fact[];
  drivers: string[];
  /** CQC overall and the five key questions. */
  cqc: Fact[];
  restrictions: string[];
  openActions: string;
  /** The score over the last 12 months, as text. */
  trend: string;
  /** "Criteria for embargo met: …" lines; empty when none are met. */
  criteria: string[];
  criteriaNote: string;
}

export interface ProviderMatchesView {
  screen: 'provider-matches';
  heading: string;
  text: string;
  matches: Array<{ name: string; button: ActionButton }>;
}

/** Any short answer: help, confirmations of settings, errors and refusals. */
export interface MessageView {
  screen: 'message';
  heading: string;
  lines: string[];
  tone: 'info' | 'success' | 'warning';
  actions: ActionButton[];
}

/** A Risk Matrix rating moved: computed into another band, or decided by the chair. */
export interface RatingChangeView {
  screen: 'rating-change';
  providerId: string;
  heading: string;
  /** "Amber to Red". */
  change: string;
  facts: Fact[];
  /** The top signals, in words with their points. */
  drivers: string[];
  note: string;
  actions: ActionButton[];
}

/** The chair sets the decided rating. The expected version travels hidden, for optimistic concurrency. */
export interface RatingFormView {
  screen: 'rating-form';
  providerId: string;
  providerName: string;
  title: string;
  intro: string;
  current: Fact[];
  /** Label is the rating's name; the description says what it means. */
  ratings: Array<Choice & { description?: string }>;
  expectedVersion: number;
  values: { rating?: string; rationale?: string };
  errors: { rating?: string; rationale?: string };
  /** A problem with the whole form, such as the rating changing while it was open. */
  formError?: string;
}

/** "Review this provider": a threshold trigger fired. */
export interface ReviewTriggerView {
  screen: 'review-trigger';
  triggerId: string;
  providerId: string;
  heading: string;
  reason: string;
  items: string[];
  status: string;
  /** Open cards ask for a reason to dismiss (Teams shows the box on the card; Slack opens a form). */
  open: boolean;
  reasonError?: string;
  actions: ActionButton[];
}

/** The Risk Matrix: providers by rating, most severe first. */
export interface RiskMatrixView {
  screen: 'risk-matrix';
  heading: string;
  summary: string;
  groups: Array<{ rating: string; lines: string[]; more?: string }>;
  note: string;
  actions: ActionButton[];
}

export interface FileExport {
  name: string;
  mimeType: string;
  content: string;
}

/** A short answer that comes with a file (Slack uploads it; Teams attaches it). */
export interface FileExportView {
  screen: 'file-export';
  heading: string;
  lines: string[];
  file: FileExport;
  /** Teams: a short-lived link to the file, where the platform shows no attached files. */
  download?: { url: string; note: string };
}

export type ScreenView =
  | IntelligenceFormView
  | IntelligenceSavedView
  | IntelligenceAlertView
  | ProviderSummaryView
  | ProviderMatchesView
  | MessageView
  | RatingChangeView
  | RatingFormView
  | ReviewTriggerView
  | RiskMatrixView
  | FileExportView;

export function message(heading: string, lines: string[], tone: MessageView['tone'] = 'info', actions: ActionButton[] = []): MessageView {
  return { screen: 'message', heading, lines, tone, actions };
}

/** Plain text of a view, for notifications and screen readers. */
export function fallbackText(view: ScreenView): string {
  switch (view.screen) {
    case 'intelligence-form':
    case 'rating-form':
      return view.title;
    case 'provider-summary':
      return `Provider: ${view.name}`;
    case 'intelligence-saved':
    case 'intelligence-alert':
      return `${view.heading} (${view.reference})`;
    default:
      return view.heading;
  }
}
