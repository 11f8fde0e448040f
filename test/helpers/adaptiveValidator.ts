import * as AC from 'adaptivecards';

// Checks an Adaptive Card with Microsoft's own parser (adaptivecards 3.0.6) plus the house rules the parser
// does not know: labels on every input, unique ids, no template expressions left, version 1.5 (what Teams renders).
// `import * as AC` loads inside vitest; under plain Node ESM the package's extensionless imports fail.

export const TEAMS_CARD_VERSION = '1.5';
/**
 * Teams refuses a bot message over its size limit (413 MessageSizeTooBig), counted in UTF-16. Microsoft has
 * documented 28 KB, 40 KB and lately 100 KB; we hold cards to 40 KB so each fits with room for the rest.
 */
export const TEAMS_CARD_MAX_BYTES = 40 * 1024;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

function walk(node: unknown, path: string, visit: (node: Json, path: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${path}[${i}]`, visit));
  else if (isObject(node)) {
    visit(node, path);
    for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`, visit);
  }
}

function strings(node: unknown, path: string, found: Array<{ path: string; text: string }> = []) {
  if (typeof node === 'string') found.push({ path, text: node });
  else if (Array.isArray(node)) node.forEach((child, i) => strings(child, `${path}[${i}]`, found));
  else if (isObject(node)) for (const [key, value] of Object.entries(node)) strings(value, `${path}.${key}`, found);
  return found;
}

const DATA_QUERY_KEYS = new Set(['type', 'dataset', 'count', 'skip', 'associatedInputs']);

/**
 * Teams' dynamic typeahead search (Input.ChoiceSet "choices.data": Data.Query) works in the 1.5 cards Teams
 * renders, but the JS library files the property under 1.6 and warns. We check its shape here, then remove
 * only that property, only from a filtered ChoiceSet, so every other 1.6 property still fails.
 */
function takeDataQueries(card: Json, problems: string[], searched: Set<string>): Json {
  const copy = structuredClone(card);
  walk(copy, '$', (node, path) => {
    if (!('choices.data' in node)) return;
    const query = node['choices.data'];
    if (node.type !== 'Input.ChoiceSet' || node.style !== 'filtered') {
      problems.push(`${path}: choices.data is only for an Input.ChoiceSet with style "filtered"`);
      return;
    }
    if (!isObject(query) || query.type !== 'Data.Query' || typeof query.dataset !== 'string' || query.dataset === '') {
      problems.push(`${path}: choices.data must be a Data.Query with a dataset`);
      return;
    }
    const unknown = Object.keys(query).filter((key) => !DATA_QUERY_KEYS.has(key));
    if (unknown.length) problems.push(`${path}: unknown Data.Query properties ${unknown.join(', ')}`);
    delete node['choices.data'];
    if (typeof node.id === 'string') searched.add(node.id);
  });
  return copy;
}

const eventText = (event: AC.IValidationEvent | undefined) => {
  if (!event) return 'unknown event';
  const source = event.source as { getJsonTypeName?: () => string; id?: string } | undefined;
  const where = source ? `${source.getJsonTypeName?.() ?? 'object'}${source.id ? `#${source.id}` : ''}: ` : '';
  return `${AC.ValidationEvent[event.event]}: ${where}${event.message}`;
};

/**
 * Properties the parser dropped are ones it does not know, such as a misspelt "isSubtel": it says nothing
 * about them, so compare what went in with what it serialises back.
 */
function droppedProperties(input: unknown, output: unknown, path: string, problems: string[]): void {
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) {
      problems.push(`${path}: ${input.length} items went in, ${Array.isArray(output) ? output.length : 'none'} came out`);
      return;
    }
    input.forEach((child, i) => droppedProperties(child, output[i], `${path}[${i}]`, problems));
    return;
  }
  if (!isObject(input)) return;
  if (!isObject(output)) {
    problems.push(`${path}: the parser dropped this object`);
    return;
  }
  // Action data is free-form, passed to the bot as it is.
  if (path.endsWith('.data')) return;
  for (const [key, value] of Object.entries(input)) {
    if (key === '$schema') continue;
    // The parser leaves out empty values when it serialises; they mean the same as absent.
    const empty = value === '' || (Array.isArray(value) && value.length === 0);
    if (!(key in output) && !empty) problems.push(`${path}.${key}: the parser does not know this property (value ${JSON.stringify(value)?.slice(0, 40)})`);
    else if (key in output) droppedProperties(value, output[key], `${path}.${key}`, problems);
  }
}

export interface AdaptiveCheckOptions {
  /** Strings from the view itself that may legitimately contain "${". */
  allowedTemplateText?: string[];
}

/** Every problem with a card; an empty list means Teams will render it as intended. */
export function adaptiveCardProblems(card: unknown, options: AdaptiveCheckOptions = {}): string[] {
  const problems: string[] = [];
  if (!isObject(card)) return ['the card is not an object'];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}, not AdaptiveCard`);
  if (card.version !== TEAMS_CARD_VERSION) problems.push(`version is ${String(card.version)}, not ${TEAMS_CARD_VERSION}`);
  const bytes = JSON.stringify(card).length * 2;
  if (bytes > TEAMS_CARD_MAX_BYTES) problems.push(`the card is ${bytes} bytes, over the ${TEAMS_CARD_MAX_BYTES} Teams takes`);

  for (const { path, text } of strings(card, '$')) {
    const leftover = text.replace(/\$\{[^}]*\}/g, (match) => ((options.allowedTemplateText ?? []).some((allowed) => allowed.includes(match)) ? '' : match));
    if (leftover.includes('${')) problems.push(`${path}: template expression left in "${text.slice(0, 60)}"`);
  }

  const ids = new Map<string, number>();
  walk(card, '$', (node, path) => {
    if (typeof node.id === 'string') ids.set(node.id, (ids.get(node.id) ?? 0) + 1);
    const type = String(node.type ?? '');
    if (type.startsWith('Input.') && (typeof node.label !== 'string' || node.label.trim() === '')) problems.push(`${path}: ${type} "${String(node.id)}" has no label`);
    if (type.startsWith('Input.') && (typeof node.id !== 'string' || node.id === '')) problems.push(`${path}: ${type} has no id`);
    if (type === 'Action.Execute' && (typeof node.verb !== 'string' || node.verb === '')) problems.push(`${path}: Action.Execute has no verb`);
    if (type === 'Action.Submit' && !(isObject(node.data) && typeof node.data.verb === 'string' && node.data.verb !== ''))
      problems.push(`${path}: Action.Submit carries no verb in its data`);
    if (type.startsWith('Action.') && (typeof node.title !== 'string' || node.title.trim() === '')) problems.push(`${path}: ${type} has no title`);
    if (type === 'TextBlock' && /\]\(\s*\)/.test(String(node.text))) problems.push(`${path}: a link with no address in "${String(node.text).slice(0, 60)}"`);
  });
  for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" is used ${count} times`);

  const searched = new Set<string>();
  const parseable = takeDataQueries(card, problems, searched);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(parseable, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${eventText(context.getEventAt(i))}`);

  const results = parsed.validateProperties();
  for (const event of results.validationEvents) {
    // A ChoiceSet that Teams fills as you type (Data.Query) may start with no choices, for example before
    // any provider is on the list.
    const source = event.source as { id?: string } | undefined;
    if (event.event === AC.ValidationEvent.CollectionCantBeEmpty && source?.id && searched.has(source.id)) continue;
    problems.push(`validate: ${eventText(event)}`);
  }
  for (const [id, count] of Object.entries(results.allIds)) if (count > 1) problems.push(`validate: id "${id}" is used ${count} times`);

  droppedProperties(parseable, parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)), '$', problems);
  return problems;
}
