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

export type ScreenView =
  | IntelligenceFormView
  | IntelligenceSavedView
  | IntelligenceAlertView
  | ProviderSummaryView
  | ProviderMatchesView
  | MessageView;

export function message(heading: string, lines: string[], tone: MessageView['tone'] = 'info', actions: ActionButton[] = []): MessageView {
  return { screen: 'message', heading, lines, tone, actions };
}

/** Plain text of a view, for notifications and screen readers. */
export function fallbackText(view: ScreenView): string {
  switch (view.screen) {
    case 'intelligence-form':
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
