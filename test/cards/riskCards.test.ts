import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../cards/adaptive.js';
import { DISMISS_CALLBACK_ID, RATING_CALLBACK_ID, renderDismissModal, renderRatingFormModal } from '../../cards/slack/riskModals.js';
import { blockKitMessageProblems, blockKitModalProblems } from '../helpers/blockKitValidator.js';
import { renderBlocks } from '../../cards/slack/screens.js';
import { RATING_FORM_SAMPLES, REVIEW_TRIGGER_SAMPLES } from './riskSampleViews.js';

// The Risk Matrix forms: a Slack modal and a Teams card ask the same questions and carry the same hidden version.

type Json = Record<string, unknown>;
const nodes = (node: unknown, found: Json[] = []): Json[] => {
  if (Array.isArray(node)) node.forEach((child) => nodes(child, found));
  else if (node && typeof node === 'object') {
    found.push(node as Json);
    Object.values(node).forEach((child) => nodes(child, found));
  }
  return found;
};

describe.each(RATING_FORM_SAMPLES.map((s) => [s.name, s.view] as const))('set-rating form: %s', (_name, view) => {
  it('is a valid Slack modal that carries the provider and the expected version', () => {
    const modal = renderRatingFormModal(view);
    expect(blockKitModalProblems(modal)).toEqual([]);
    expect(modal.callback_id).toBe(RATING_CALLBACK_ID);
    expect(JSON.parse(String(modal.private_metadata))).toEqual({ providerId: view.providerId, expectedVersion: view.expectedVersion });
  });

  it('shows as a valid Slack message too, with a button to open it', () => {
    expect(blockKitMessageProblems(renderBlocks(view))).toEqual([]);
  });

  it('asks the same labelled questions on both platforms', () => {
    const slackInputs = (renderRatingFormModal(view).blocks as Json[]).filter((b) => b.type === 'input');
    const teamsInputs = nodes(renderAdaptiveCard(view)).filter((n) => String(n.type).startsWith('Input.'));
    expect(slackInputs.map((b) => b.block_id)).toEqual(['rating', 'rationale']);
    expect(teamsInputs.map((n) => n.id)).toEqual(['rating', 'rationale']);
    expect(teamsInputs.every((n) => typeof n.label === 'string' && n.label.length > 0)).toBe(true);
    const slackOptions = ((slackInputs[0]!.element as Json).options as Json[]).map((o) => o.value);
    const teamsOptions = (teamsInputs[0]!.choices as Json[]).map((c) => c.value);
    expect(slackOptions).toEqual(teamsOptions);
    const submit = nodes(renderAdaptiveCard(view)).find((n) => n.verb === 'rating.submit')!;
    expect(submit.data).toEqual({ providerId: view.providerId, expectedVersion: view.expectedVersion });
  });
});

describe.each(REVIEW_TRIGGER_SAMPLES.map((s) => [s.name, s.view] as const))('review card: %s', (_name, view) => {
  it('dismissing on Slack opens a valid modal asking for a reason', () => {
    const modal = renderDismissModal(view);
    expect(blockKitModalProblems(modal)).toEqual([]);
    expect(modal.callback_id).toBe(DISMISS_CALLBACK_ID);
  });

  it('on Teams, an open card has a labelled reason box; a closed one has none', () => {
    const reason = nodes(renderAdaptiveCard(view)).find((n) => n.id === 'reason');
    expect(Boolean(reason)).toBe(view.open);
    if (reason) expect(reason.label).toMatch(/^Reason for dismissing/);
  });
});
