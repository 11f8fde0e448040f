import type { ActionButton, Choice, Fact } from '../viewModels.js';
import { BLOCK_KIT_LIMITS as L, clip } from './blockKitLimits.js';

// Small builders shared by the Slack renderers.

export type Block = Record<string, unknown>;

export const plain = (text: string, limit: number = L.sectionText) => ({ type: 'plain_text', text: clip(text, limit), emoji: true });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: clipMrkdwn(text, L.sectionText) });

/** Like clip, but never cuts an &amp;, &lt; or &gt; in half: Slack would show the pieces as typed. */
export function clipMrkdwn(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).replace(/&[a-z]{0,3}$/, '')}…`;
}

/** Slack mrkdwn treats &, < and > as markup; user text must not be able to ping @channel or forge links. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
/** A header holds 150 characters. A longer heading, such as one with a long provider name, goes in bold text rather than being cut. */
export const header = (text: string): Block =>
  text.length <= L.headerText ? { type: 'header', text: plain(text, L.headerText) } : section(`*${escapeMrkdwn(text)}*`);
export const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });

export function factsSection(facts: Fact[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < facts.length; i += L.fieldsPerSection) {
    const fields = facts
      .slice(i, i + L.fieldsPerSection)
      .map((fact) => mrkdwn(clipMrkdwn(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, L.fieldText)));
    blocks.push({ type: 'section', fields });
  }
  return blocks;
}

export function button(action: ActionButton): Block {
  return {
    type: 'button',
    action_id: action.verb,
    text: plain(action.label, L.buttonText),
    value: clip(action.value, L.buttonValue),
    ...(action.style ? { style: action.style } : {}),
  };
}

/** Buttons in one actions block; action_ids must be unique in a block, so repeats get a suffix. */
export function actionsBlock(actions: ActionButton[], blockId?: string): Block[] {
  if (actions.length === 0) return [];
  const seen = new Map<string, number>();
  const elements = actions.map((action) => {
    const count = seen.get(action.verb) ?? 0;
    seen.set(action.verb, count + 1);
    const element = button(action);
    if (count > 0) element.action_id = `${action.verb}#${count}`;
    return element;
  });
  return [{ type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements }];
}

export function option(choice: Choice) {
  return { text: plain(choice.label, L.optionText), value: choice.value };
}
