import type { FileExportView, ProviderRiskPanel, RatingChangeView, RatingFormView, ReviewTriggerView, RiskMatrixView } from '../viewModels.js';
import { actionsBlock, context, escapeMrkdwn, factsSection, header, section, type Block } from './blocks.js';

// Block Kit for the Risk Matrix screens. The set-rating and dismiss forms are modals: see riskModals.ts.

const bullets = (lines: string[]) => lines.map((line) => `• ${escapeMrkdwn(line)}`).join('\n');

/** A titled list in one section, cut to fit Slack's 3000 characters. */
function listSection(title: string, lines: string[], empty?: string): Block[] {
  if (lines.length === 0) return empty ? [section(`*${escapeMrkdwn(title)}*\n_${escapeMrkdwn(empty)}_`)] : [];
  return [section(`*${escapeMrkdwn(title)}*\n${bullets(lines)}`)];
}

export function ratingChangeBlocks(view: RatingChangeView): Block[] {
  return [
    header(view.heading),
    ...factsSection(view.facts),
    ...listSection('What drove the score', view.drivers),
    context(escapeMrkdwn(view.note)),
    ...actionsBlock(view.actions),
  ];
}

/** A set-rating form shown as a message (for example after a refusal): what it says, and a button to open it. */
export function ratingFormMessageBlocks(view: RatingFormView): Block[] {
  return [
    section(`*${escapeMrkdwn(view.title)}: ${escapeMrkdwn(view.providerName)}*`),
    ...(view.formError ? [section(`:warning: ${escapeMrkdwn(view.formError)}`)] : []),
    ...factsSection(view.current),
    ...actionsBlock([{ verb: 'rating.set', label: 'Set rating', value: view.providerId, style: 'primary' }]),
  ];
}

export function reviewTriggerBlocks(view: ReviewTriggerView): Block[] {
  return [
    header(view.heading),
    section(escapeMrkdwn(view.reason)),
    ...listSection('Items', view.items, 'The items are no longer on record.'),
    ...(view.reasonError ? [section(`:warning: ${escapeMrkdwn(view.reasonError)}`)] : []),
    context(escapeMrkdwn(view.status)),
    ...actionsBlock(view.actions),
  ];
}

/** One section per rating; the export has every row. Slack allows 50 blocks, so groups past 40 are summarised. */
export function riskMatrixBlocks(view: RiskMatrixView): Block[] {
  const groups = view.groups.slice(0, 40);
  const dropped = view.groups.length - groups.length;
  return [
    header(view.heading),
    section(escapeMrkdwn(view.summary)),
    ...groups.map((group) =>
      section(`*${escapeMrkdwn(group.rating)}*\n${bullets(group.lines)}${group.more ? `\n_${escapeMrkdwn(group.more)}_` : ''}`),
    ),
    ...(dropped > 0 ? [section(`_${dropped} more groups: export the CSV to see them._`)] : []),
    context(escapeMrkdwn(view.note)),
    ...actionsBlock(view.actions),
  ];
}

export function fileExportBlocks(view: FileExportView): Block[] {
  return [
    section(`:page_facing_up: *${escapeMrkdwn(view.heading)}*`),
    ...(view.lines.length ? [section(view.lines.map(escapeMrkdwn).join('\n'))] : []),
    context(`The file ${escapeMrkdwn(view.file.name)} is in your direct messages with me.`),
  ];
}

/** The Risk Matrix part of the provider card. */
export function riskPanelBlocks(risk: ProviderRiskPanel): Block[] {
  return [
    { type: 'divider' },
    section('*Risk Matrix*'),
    ...factsSection(risk.facts),
    ...listSection('What drove the score', risk.drivers, 'Nothing is adding to the score.'),
    section(`*CQC ratings*\n${risk.cqc.map((f) => `${escapeMrkdwn(f.label)}: ${escapeMrkdwn(f.value)}`).join('\n')}`),
    ...listSection('Restrictions', risk.restrictions),
    ...factsSection([
      { label: 'Open actions', value: risk.openActions },
      { label: 'Score over 12 months', value: risk.trend },
    ]),
    ...(risk.criteria.length ? [section(bullets(risk.criteria)), context(escapeMrkdwn(risk.criteriaNote))] : []),
  ];
}
