import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import type { ScreenView } from './viewModels.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type AdaptiveCardJson = Record<string, unknown>;

/**
 * Teams runs Action.Execute (Universal Actions). Clients without it, such as Web Chat in the
 * playground, need Action.Submit: the verb then travels in the data.
 */
export type ActionStyle = 'execute' | 'submit';

const templateCache = new Map<string, unknown>();

function template(screen: string): unknown {
  let json = templateCache.get(screen);
  if (!json) {
    const path = fileURLToPath(new URL(`./templates/${screen}.json`, import.meta.url));
    json = JSON.parse(readFileSync(path, 'utf8'));
    templateCache.set(screen, json);
  }
  return json;
}

export const TEMPLATE_SCREENS = [
  'intelligence-form',
  'intelligence-saved',
  'intelligence-alert',
  'provider-summary',
  'provider-matches',
  'message',
  'rating-change',
  'rating-form',
  'review-trigger',
  'risk-matrix',
  'file-export',
] as const;

function toSubmitActions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toSubmitActions);
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = toSubmitActions(value);
  if (copy.type === 'Action.Execute') {
    const { verb, data, ...rest } = copy;
    return { ...rest, type: 'Action.Submit', data: { ...(data as object), verb } };
  }
  return copy;
}

function mapStrings(node: unknown, change: (text: string) => string): unknown {
  if (typeof node === 'string') return change(node);
  if (Array.isArray(node)) return node.map((child) => mapStrings(child, change));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, mapStrings(value, change)]));
}

// The templating library leaves "${x}" in place when x is absent; an absent optional value should show as empty.
// Text people typed may contain "${" too, so it is hidden behind a private-use character while we clear the rest.
const HIDDEN_DOLLAR = '\uE000';
const hideDollars = (text: string) => text.replace(/\$\{/g, `${HIDDEN_DOLLAR}{`);
const dropUnresolved = (text: string) => text.replace(/\$\{[^}]*\}/g, '').replaceAll(`${HIDDEN_DOLLAR}{`, '${');

/** Renders a view model to Adaptive Card JSON with the screen's template. */
export function renderAdaptiveCard(view: ScreenView, actionStyle: ActionStyle = 'execute'): AdaptiveCardJson {
  const data = mapStrings(view, hideDollars);
  const expanded = mapStrings(new ACData.Template(template(view.screen)).expand({ $root: data }), dropUnresolved) as AdaptiveCardJson;
  return (actionStyle === 'submit' ? toSubmitActions(expanded) : expanded) as AdaptiveCardJson;
}

export function adaptiveAttachment(view: ScreenView, actionStyle: ActionStyle = 'execute') {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderAdaptiveCard(view, actionStyle) };
}
