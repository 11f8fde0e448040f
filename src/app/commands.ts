import type { IntelligenceFormView, ScreenView } from '../../cards/viewModels.js';
import { message } from '../../cards/viewModels.js';
import type { CommandIntent } from '../core/commands/parseCommand.js';
import { EVENT_KINDS, ROLES, type Platform } from '../core/vocabulary.js';
import { log } from '../log.js';
import type { Actor, ChannelRef } from './actor.js';
import { openIntelligenceForm } from './intelligence.js';
import { recordOutcome } from './intelligenceOutcome.js';
import { lookupProvider, providerWithDetail } from './providers.js';
import { subscribe, subscriptionOf, unsubscribe } from './subscriptions.js';
import { assignRole, type Identity } from './users.js';
import { providerMatchesView, providerSummaryView } from './views/providerViews.js';
import { matrixExport, matrixView, ratingOnScale, riskConfig, withRiskPanel } from './risk/index.js';

export type CommandReply = { type: 'form'; view: IntelligenceFormView } | { type: 'view'; view: ScreenView };

export interface CommandContext {
  actor: Actor;
  channel: ChannelRef;
  /** Turns "@person" as typed on the platform into who they are. */
  resolvePerson(target: string): Promise<(Identity & { name?: string }) | undefined>;
}

/** How a command is typed on each platform: Slack has slash commands, Teams takes plain words. */
export function commandText(platform: Platform, words: string): string {
  if (platform === 'teams') return words;
  const [first, ...rest] = words.split(' ');
  return ['cq1', 'intel', 'feedback', 'provider'].includes(first!) ? `/${words}` : `/pq ${[first, ...rest].join(' ')}`;
}

export function helpView(platform: Platform): ScreenView {
  const c = (words: string) => commandText(platform, words);
  return message('What I can do', [
    `${c('cq1')}: report a concern (CQ1) about a provider`,
    `${c('intel')}: log intelligence, good or bad`,
    `${c('feedback')}: log professional feedback`,
    `${c('provider <name>')}: see a provider’s summary`,
    `${c('matrix [adults|children] [rating]')}: see the Risk Matrix, most severe first. Add "export" for a spreadsheet (CSV)`,
    `${c('outcome <reference> <upheld|partly-upheld|not-liable>')}: record what an investigation found. Not liable stops it counting towards the score`,
    `${c('subscribe <kinds> [adults|children]')}: send events to this channel. Kinds: ${EVENT_KINDS.join(', ')} or all`,
    `${c('unsubscribe [kinds]')}: stop them`,
    `${c('subscriptions')}: see what this channel receives`,
    `${c('admin role @person <role>')}: give someone a role (admins only). Roles: ${ROLES.join(', ')}`,
    platform === 'slack'
      ? 'You can also log a message as intelligence: choose "Log as intelligence" from the message’s menu.'
      : 'You can also log a message as intelligence: choose "Log as intelligence" from the message’s ... menu.',
  ]);
}

export async function viewProvider(providerId: string): Promise<ScreenView> {
  const detail = await providerWithDetail(providerId);
  if (!detail) return message('That provider is no longer on the list', ['Search again by name.'], 'warning');
  return withRiskPanel(providerSummaryView(detail));
}

async function findProvider(query: string): Promise<ScreenView> {
  const lookup = await lookupProvider(query);
  if (lookup.status === 'found') return viewProvider(lookup.provider.id);
  return providerMatchesView(query, lookup.suggestions);
}

async function runCommand(intent: CommandIntent, ctx: CommandContext): Promise<CommandReply> {
  const view = (v: ScreenView): CommandReply => ({ type: 'view', view: v });
  const { actor, channel } = ctx;
  switch (intent.type) {
    case 'help':
      return view(helpView(actor.platform));
    case 'invalid':
      return view(message('I did not understand that', [intent.message], 'warning'));
    case 'open-form':
      return {
        type: 'form',
        view: await openIntelligenceForm(intent.kind, intent.prefill ? { summary: intent.prefill } : {}, { withProviderList: actor.platform === 'teams' }),
      };
    case 'find-provider':
      return view(await findProvider(intent.query));
    case 'subscribe': {
      if (channel.isDirect) {
        return view(message('Subscriptions are for channels', [`Run ${commandText(actor.platform, 'subscribe')} in the channel that should receive the events.`], 'warning'));
      }
      const saved = await subscribe(actor, channel, intent.kinds, intent.group);
      return view(
        message('Subscribed', [
          `This channel will now receive: ${saved.kinds.join(', ')}.`,
          `Client group: ${saved.clientGroup === 'all' ? 'adults and children' : saved.clientGroup}.`,
          `To stop, type ${commandText(actor.platform, 'unsubscribe')}.`,
        ], 'success'),
      );
    }
    case 'unsubscribe': {
      const { removed, remaining } = await unsubscribe(actor, channel, intent.kinds);
      if (removed.length === 0) return view(message('Nothing to unsubscribe', ['This channel was not receiving those events.']));
      return view(
        message('Unsubscribed', [
          `This channel will no longer receive: ${removed.join(', ')}.`,
          remaining.length ? `It still receives: ${remaining.join(', ')}.` : 'It receives nothing from me now.',
        ], 'success'),
      );
    }
    case 'list-subscriptions': {
      const subscription = await subscriptionOf(channel);
      if (!subscription?.kinds.length) {
        return view(message('This channel has no subscriptions', [`To add some, type ${commandText(actor.platform, 'subscribe all')}.`]));
      }
      return view(
        message('This channel receives', [
          subscription.kinds.join(', '),
          `Client group: ${subscription.clientGroup === 'all' ? 'adults and children' : subscription.clientGroup}.`,
        ]),
      );
    }
    case 'matrix': {
      const rating = intent.rating ? ratingOnScale(intent.rating) : undefined;
      if (intent.rating && !rating) {
        const names = riskConfig().scale.map((r) => r.name).join(', ');
        return view(message('That is not a rating', [`"${intent.rating}" is not on the rating scale. Use one of: ${names}.`], 'warning'));
      }
      const filter = { ...(intent.group ? { group: intent.group } : {}), ...(rating ? { rating } : {}) };
      return view(intent.export ? await matrixExport(filter) : await matrixView(filter));
    }
    case 'record-outcome':
      return view(await recordOutcome(actor, intent.reference, intent.outcome));
    case 'assign-role': {
      const person = await ctx.resolvePerson(intent.target);
      if (!person) {
        return view(message('I could not tell who that is', [`Mention the person with @, for example: ${commandText(actor.platform, 'admin role @Sam quality-officer')}.`], 'warning'));
      }
      const result = await assignRole(actor, person, intent.role);
      const who = person.name ?? 'They';
      if (result.status === 'not-permitted') {
        const ask = result.admins.length ? `Ask an admin, such as ${result.admins.join(', ')}.` : 'Ask whoever set up the bot to add you as an admin.';
        const lines = result.known ? ['Only admins can give people roles.', ask] : ['You do not have a role yet, so you cannot give roles.', ask];
        return view(message('Not permitted', lines, 'warning'));
      }
      if (result.status === 'already') return view(message('No change', [`${who} already has the role ${result.roleLabel}.`]));
      return view(message('Role given', [`${who} now has the role ${result.roleLabel}.`], 'success'));
    }
  }
}

/** Runs a command. A failure the person can do nothing about still gets an answer. */
export async function handleCommand(intent: CommandIntent, ctx: CommandContext): Promise<CommandReply> {
  try {
    return await runCommand(intent, ctx);
  } catch (error) {
    log.error(`Command ${intent.type} failed`, error);
    return { type: 'view', view: message('Something went wrong', ['Nothing was changed. Try again in a minute. If it keeps happening, tell your bot admin.'], 'warning') };
  }
}
