import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/adaptive.js';

// Web Chat's Adaptive Cards renderer shows a filtered Input.ChoiceSet's preset value as it is (a provider's
// database id), where Teams shows the matching choice's title. The playground sets the title instead:
// the renderer maps a typed title back to its value on submit, so the bot still receives the id.

type Json = Record<string, unknown>;

function withTitles(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withTitles);
  if (!node || typeof node !== 'object') return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withTitles(value);
  if (copy.type === 'Input.ChoiceSet' && copy.style === 'filtered' && typeof copy.value === 'string' && Array.isArray(copy.choices)) {
    const match = (copy.choices as Json[]).find((choice) => choice.value === copy.value);
    if (typeof match?.title === 'string') copy.value = match.title;
  }
  return copy;
}

/** The bot's activity as Web Chat should draw it: the same, except for filtered pickers' preset values. */
export function forWebChat(activity: Json): Json {
  if (!Array.isArray(activity.attachments)) return activity;
  return {
    ...activity,
    attachments: (activity.attachments as Json[]).map((attachment) =>
      attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE ? { ...attachment, content: withTitles(attachment.content) } : attachment,
    ),
  };
}
