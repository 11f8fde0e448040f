// Block Kit limits we rely on (Slack publishes no validator). Every renderer's output is tested against these.
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  modalTitle: 24,
  modalSubmit: 24,
  privateMetadata: 3000,
  blockId: 255,
  actionId: 255,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  optionsPerSelect: 100,
  optionsPerRadio: 10,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  optionText: 75,
  modalClose: 24,
  callbackId: 255,
  elementsPerActions: 25,
  elementsPerContext: 10,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  optionValue: 150,
  plainTextInputMax: 3000,
} as const;

/** Cuts text to a limit, marking the cut so nobody mistakes it for the whole. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
