import type { IntelligenceFormView, IntelligenceSavedView, ScreenView } from '../../../cards/viewModels.js';
import { fallbackText } from '../../../cards/viewModels.js';
import { renderBlocks } from '../../../cards/slack/screens.js';
import { renderIntelligenceFormModal } from '../../../cards/slack/intelligenceFormModal.js';

export function messagePayload(view: Exclude<ScreenView, IntelligenceFormView>) {
  return { text: fallbackText(view), blocks: renderBlocks(view) };
}

export function formModal(view: IntelligenceFormView) {
  return renderIntelligenceFormModal(view);
}

/** After saving, the modal turns into the confirmation. */
export function savedModal(view: IntelligenceSavedView) {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Saved' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: renderBlocks({ ...view, actions: [] }),
  };
}
