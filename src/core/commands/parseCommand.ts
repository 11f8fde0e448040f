import { CQ1_OUTCOMES, EVENT_KINDS, FORM_KINDS, ROLES, type Cq1Outcome, type EventKind, type FormKind, type Role, type SubscriptionGroup } from '../vocabulary.js';

// One grammar for both platforms. Slack's "/pq subscribe all" and "/cq1" and Teams' "subscribe all",
// "pq subscribe all" and "cq1" all become the same intent.

export type CommandIntent =
  | { type: 'open-form'; kind: FormKind; prefill?: string }
  | { type: 'find-provider'; query: string }
  | { type: 'subscribe'; kinds: EventKind[]; group: SubscriptionGroup }
  | { type: 'unsubscribe'; kinds: EventKind[] }
  | { type: 'list-subscriptions' }
  | { type: 'assign-role'; target: string; role: Role }
  | { type: 'help' }
  /** The Risk Matrix list; `rating` is as typed and is checked against the council's scale later. */
  | { type: 'matrix'; group?: 'adults' | 'children'; rating?: string; export: boolean }
  /** The outcome of investigating a logged item, such as a CQ1 found "not liable". */
  | { type: 'record-outcome'; reference: string; outcome: Cq1Outcome }
  | { type: 'invalid'; message: string };

const OUTCOME_HELP = `To record an outcome, type: outcome <reference> <${CQ1_OUTCOMES.join('|')}>. For example: outcome INT-000123 not-liable`;

function parseOutcome(words: string[]): CommandIntent {
  const [reference, outcome, ...extra] = words;
  if (!reference || !outcome || extra.length) return { type: 'invalid', message: OUTCOME_HELP };
  if (!/^INT-\d{1,9}$/i.test(reference)) return { type: 'invalid', message: `"${reference}" is not a reference. References look like INT-000123.` };
  const word = outcome.toLowerCase();
  if (!(CQ1_OUTCOMES as readonly string[]).includes(word)) {
    return { type: 'invalid', message: `"${outcome}" is not an outcome. Use one of: ${CQ1_OUTCOMES.join(', ')}.` };
  }
  return { type: 'record-outcome', reference: reference.toUpperCase(), outcome: word as Cq1Outcome };
}

const KIND_WORDS = [...EVENT_KINDS, 'all'] as const;

function parseKinds(words: string[]): { kinds: EventKind[]; group: SubscriptionGroup } | { error: string } {
  let group: SubscriptionGroup = 'all';
  const kinds = new Set<EventKind>();
  for (const word of words) {
    if (word === 'adults' || word === 'children') {
      group = word;
    } else if (word === 'all') {
      EVENT_KINDS.forEach((kind) => kinds.add(kind));
    } else if ((EVENT_KINDS as readonly string[]).includes(word)) {
      kinds.add(word as EventKind);
    } else {
      return { error: `"${word}" is not something you can subscribe to. Use one or more of: ${KIND_WORDS.join(', ')}.` };
    }
  }
  return { kinds: [...kinds], group };
}

/** Parses what someone typed after the slash command (or to the Teams bot). */
export function parseCommand(input: string): CommandIntent {
  const words = input.trim().split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'pq') words.shift();
  const verb = (words.shift() ?? 'help').toLowerCase();
  const rest = words.join(' ');
  const lowerWords = words.map((word) => word.toLowerCase());

  if ((FORM_KINDS as readonly string[]).includes(verb)) {
    return { type: 'open-form', kind: verb as FormKind, ...(rest ? { prefill: rest } : {}) };
  }
  switch (verb) {
    case 'help':
    case '?':
      return { type: 'help' };
    case 'provider':
    case 'providers':
      return rest
        ? { type: 'find-provider', query: rest }
        : { type: 'invalid', message: 'Add part of the provider’s name, for example: provider Oak' };
    case 'subscribe': {
      if (lowerWords.length === 0) {
        return { type: 'invalid', message: `Say what to subscribe to, for example: subscribe all adults. Choose from: ${KIND_WORDS.join(', ')}.` };
      }
      const parsed = parseKinds(lowerWords);
      if ('error' in parsed) return { type: 'invalid', message: parsed.error };
      if (parsed.kinds.length === 0) return { type: 'invalid', message: `Say what to subscribe to. Choose from: ${KIND_WORDS.join(', ')}.` };
      return { type: 'subscribe', kinds: parsed.kinds, group: parsed.group };
    }
    case 'unsubscribe': {
      const parsed = parseKinds(lowerWords.length ? lowerWords : ['all']);
      if ('error' in parsed) return { type: 'invalid', message: parsed.error };
      return { type: 'unsubscribe', kinds: parsed.kinds };
    }
    case 'subscriptions':
      return { type: 'list-subscriptions' };
    case 'matrix':
      return parseMatrix(lowerWords);
    case 'outcome':
      return parseOutcome(words);
    case 'admin': {
      const [sub, target, role] = words;
      if (sub?.toLowerCase() !== 'role' || !target || !role) {
        return { type: 'invalid', message: `To give someone a role, type: admin role @person <role>. Roles: ${ROLES.join(', ')}.` };
      }
      const roleWord = role.toLowerCase();
      if (!(ROLES as readonly string[]).includes(roleWord)) {
        return { type: 'invalid', message: `"${role}" is not a role. Use one of: ${ROLES.join(', ')}.` };
      }
      return { type: 'assign-role', target, role: roleWord as Role };
    }
    default:
      return { type: 'invalid', message: `Sorry, I do not know "${verb}". Type help to see what I can do.` };
  }
}

/** "matrix [adults|children] [rating] [export]", in any order. */
function parseMatrix(words: string[]): CommandIntent {
  let group: 'adults' | 'children' | undefined;
  let rating: string | undefined;
  let exported = false;
  for (const word of words) {
    if (word === 'adults' || word === 'children') group = word;
    else if (word === 'export' || word === 'csv') exported = true;
    else if (!rating && /^[a-z-]{1,30}$/.test(word)) rating = word;
    else return { type: 'invalid', message: 'To see the Risk Matrix, type: matrix [adults|children] [rating] [export]. For example: matrix adults red' };
  }
  return { type: 'matrix', ...(group ? { group } : {}), ...(rating ? { rating } : {}), export: exported };
}
