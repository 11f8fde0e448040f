import { Intelligence, Provider } from '../../models/index.js';
import { message, type MessageView } from '../../cards/viewModels.js';
import { OUTCOME_LABELS, type Cq1Outcome } from '../core/vocabulary.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { mayReview } from './risk/reviewTriggers.js';
import { recomputeAfterIntelligence } from './risk/hooks.js';

/**
 * Records what an investigation found (003 §11.1). A CQ1 found "not liable" stops counting towards the
 * Risk Matrix score; the record itself is kept. Quality roles only.
 */
export async function recordOutcome(actor: Actor, reference: string, outcome: Cq1Outcome): Promise<MessageView> {
  if (!(await mayReview(actor))) {
    return message('Not permitted', ['Only the quality team, managers and the chair can record outcomes. Ask a quality officer to do it.'], 'warning');
  }
  const item = await Intelligence.findOne({ reference }, { outcome: 1, providerId: 1 }).lean();
  if (!item) return message('No record with that reference', [`I could not find ${reference}. Check the reference in the confirmation message.`], 'warning');
  const provider = await Provider.findById(item.providerId, { name: 1 }).lean();
  const providerName = provider?.name ?? 'the provider';
  if (item.outcome === outcome) return message('No change', [`${reference} is already recorded as ${OUTCOME_LABELS[outcome]}.`]);

  // Only the state read above is changed, so two people recording at once cannot both "win" silently.
  const updated = await Intelligence.updateOne({ _id: item._id, outcome: item.outcome }, { $set: { outcome } });
  if (updated.modifiedCount === 0) return message('The outcome changed just now', [`Someone else recorded an outcome for ${reference}. Look at the provider and try again if needed.`], 'warning');
  await audit({ actor, action: 'intelligence.outcome-recorded', entityType: 'intelligence', entityId: String(item._id), before: { outcome: item.outcome }, after: { outcome } });
  await recomputeAfterIntelligence(String(item.providerId));

  const effect =
    outcome === 'not-liable'
      ? `It no longer counts towards the Risk Matrix score for ${providerName}. The record is kept.`
      : `The Risk Matrix score for ${providerName} has been worked out again.`;
  return message('Outcome recorded', [`${reference} is now recorded as ${OUTCOME_LABELS[outcome]}.`, effect], 'success');
}
