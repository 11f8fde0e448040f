import type {
  IntelligenceAlertView,
  IntelligenceSavedView,
  MessageView,
  ProviderMatchesView,
  ProviderSummaryView,
  ScreenView,
} from '../viewModels.js';
import { actionsBlock, context, escapeMrkdwn, factsSection, header, section, type Block } from './blocks.js';
import { fileExportBlocks, ratingChangeBlocks, ratingFormMessageBlocks, reviewTriggerBlocks, riskMatrixBlocks, riskPanelBlocks } from './riskScreens.js';

// Block Kit for every screen that appears as a message. The form is a modal: see intelligenceFormModal.ts.

function saved(view: IntelligenceSavedView): Block[] {
  return [
    header(view.heading),
    section(`Reference: *${view.reference}*`),
    ...factsSection(view.facts),
    section(`>${escapeMrkdwn(view.summary).replace(/\n/g, '\n>')}`),
    context(escapeMrkdwn(view.nextStep)),
    ...actionsBlock(view.actions),
  ];
}

function alert(view: IntelligenceAlertView): Block[] {
  return [
    header(view.heading),
    ...factsSection(view.facts),
    section(escapeMrkdwn(view.summary)),
    context(`Reference: ${view.reference}`),
    ...actionsBlock(view.actions),
  ];
}

function providerSummary(view: ProviderSummaryView): Block[] {
  const services = view.services.length
    ? view.services.map((s) => `• ${escapeMrkdwn(s.name)} (${escapeMrkdwn(s.type)})`).join('\n')
    : '_No services recorded yet._';
  const latest = view.latest.length
    ? view.latest.map((item) => `• ${escapeMrkdwn(item.line)}`).join('\n')
    : `_${escapeMrkdwn(view.emptyIntelligence)}_`;
  return [
    header(view.name),
    ...factsSection(view.facts),
    section(`*Services*\n${services}`),
    section(`*Latest intelligence*\n${latest}`),
    ...(view.countsBySource.length ? [section('*Intelligence by source*'), ...factsSection(view.countsBySource)] : []),
    ...(view.risk ? riskPanelBlocks(view.risk) : []),
    ...actionsBlock(view.actions),
  ];
}

function matches(view: ProviderMatchesView): Block[] {
  return [section(`*${escapeMrkdwn(view.heading)}*\n${escapeMrkdwn(view.text)}`), ...actionsBlock(view.matches.map((m) => m.button))];
}

function messageBlocks(view: MessageView): Block[] {
  const icon = view.tone === 'success' ? ':white_check_mark: ' : view.tone === 'warning' ? ':warning: ' : '';
  return [
    section(`${icon}*${escapeMrkdwn(view.heading)}*`),
    ...(view.lines.length ? [section(view.lines.map(escapeMrkdwn).join('\n'))] : []),
    ...actionsBlock(view.actions),
  ];
}

/** Block Kit blocks for a message screen. */
export function renderBlocks(view: Exclude<ScreenView, { screen: 'intelligence-form' }>): Block[] {
  switch (view.screen) {
    case 'intelligence-saved':
      return saved(view);
    case 'intelligence-alert':
      return alert(view);
    case 'provider-summary':
      return providerSummary(view);
    case 'provider-matches':
      return matches(view);
    case 'message':
      return messageBlocks(view);
    case 'rating-change':
      return ratingChangeBlocks(view);
    case 'rating-form':
      return ratingFormMessageBlocks(view);
    case 'review-trigger':
      return reviewTriggerBlocks(view);
    case 'risk-matrix':
      return riskMatrixBlocks(view);
    case 'file-export':
      return fileExportBlocks(view);
  }
}
