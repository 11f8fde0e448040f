import { BLOCK_KIT_LIMITS as L } from '../../cards/slack/blockKitLimits.js';

// Slack publishes no Block Kit validator and rejects a whole message or modal for one bad field
// (invalid_blocks). This checks rendered output against the limits in cards/slack/blockKitLimits.ts.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const MESSAGE_BLOCKS = new Set(['section', 'header', 'context', 'actions', 'divider', 'image', 'rich_text']);
const MODAL_BLOCKS = new Set([...MESSAGE_BLOCKS, 'input']);
const ACTION_ELEMENTS = new Set(['button', 'static_select', 'external_select', 'overflow', 'datepicker', 'radio_buttons', 'checkboxes']);
const INPUT_ELEMENTS = new Set([
  'plain_text_input',
  'static_select',
  'multi_static_select',
  'external_select',
  'multi_external_select',
  'radio_buttons',
  'checkboxes',
  'datepicker',
  'timepicker',
  'email_text_input',
  'number_input',
  'url_text_input',
]);
const WITH_OPTIONS = new Set(['static_select', 'multi_static_select', 'radio_buttons', 'checkboxes']);
const FEW_OPTIONS = new Set(['radio_buttons', 'checkboxes']);
// In mrkdwn only these may follow "<": anything else is user text that could ping @channel or forge a link.
const SAFE_ANGLE = /^<(https?:\/\/|mailto:)/;

class Checker {
  readonly problems: string[] = [];
  private readonly blockIds = new Set<string>();

  fail(path: string, message: string) {
    this.problems.push(`${path}: ${message}`);
  }

  text(value: unknown, path: string, limit: number, plainOnly = false) {
    if (!isObject(value)) return this.fail(path, 'missing text object');
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') return this.fail(path, `unknown text type ${String(value.type)}`);
    if (plainOnly && value.type !== 'plain_text') this.fail(path, 'must be plain_text');
    const text = value.text;
    if (typeof text !== 'string' || text.length === 0) return this.fail(path, 'text is empty');
    if (text.length > limit) this.fail(path, `text is ${text.length} characters, over ${limit}`);
    if (value.type === 'mrkdwn') {
      for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
        if (!SAFE_ANGLE.test(text.slice(i))) this.fail(path, `unescaped "<" in mrkdwn near "${text.slice(i, i + 20)}"`);
      }
      if (/&(?!amp;|lt;|gt;)/.test(text)) this.fail(path, `unescaped or broken "&" entity near "${text.slice(text.search(/&(?!amp;|lt;|gt;)/), text.search(/&(?!amp;|lt;|gt;)/) + 8)}"`);
    }
  }

  id(value: unknown, path: string, limit: number, kind: string) {
    if (typeof value !== 'string' || value.length === 0) return this.fail(path, `${kind} is missing`);
    if (value.length > limit) this.fail(path, `${kind} is ${value.length} characters, over ${limit}`);
  }

  blockId(block: Json, path: string) {
    if (block.block_id === undefined) return;
    this.id(block.block_id, `${path}.block_id`, L.blockId, 'block_id');
    const id = String(block.block_id);
    if (this.blockIds.has(id)) this.fail(path, `block_id "${id}" is used twice`);
    this.blockIds.add(id);
  }

  option(option: unknown, path: string, plainOnly: boolean) {
    if (!isObject(option)) return this.fail(path, 'option is not an object');
    this.text(option.text, `${path}.text`, L.optionText, plainOnly);
    if (typeof option.value !== 'string' || option.value.length === 0) this.fail(path, 'option has no value');
    else if (option.value.length > L.optionValue) this.fail(path, `option value is ${option.value.length} characters, over ${L.optionValue}`);
  }

  element(element: unknown, path: string, allowed: Set<string>) {
    if (!isObject(element)) return this.fail(path, 'element is not an object');
    const type = String(element.type);
    if (!allowed.has(type)) this.fail(path, `element type ${type} is not allowed here`);
    this.id(element.action_id, `${path}.action_id`, L.actionId, 'action_id');
    if (element.placeholder !== undefined) this.text(element.placeholder, `${path}.placeholder`, L.placeholder, true);
    if (type === 'button') {
      this.text(element.text, `${path}.text`, L.buttonText, true);
      if (element.value !== undefined && (typeof element.value !== 'string' || element.value.length > L.buttonValue))
        this.fail(path, `button value is over ${L.buttonValue} characters`);
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') this.fail(path, `unknown button style ${String(element.style)}`);
    }
    if (WITH_OPTIONS.has(type)) {
      const options = list(element.options);
      const max = FEW_OPTIONS.has(type) ? L.optionsPerRadio : L.optionsPerSelect;
      if (options.length === 0 || options.length > max) this.fail(path, `${options.length} options; ${type} takes 1 to ${max}`);
      options.forEach((option, i) => this.option(option, `${path}.options[${i}]`, !FEW_OPTIONS.has(type)));
      const values = options.map((option) => (isObject(option) ? option.value : undefined));
      if (new Set(values).size !== values.length) this.fail(path, 'option values repeat');
      // Slack rejects an initial option that is not, exactly, one of the options.
      const known = new Set(options.map((option) => JSON.stringify(option)));
      const initial = [element.initial_option, ...list(element.initial_options)].filter((o) => o !== undefined);
      for (const chosen of initial) if (!known.has(JSON.stringify(chosen))) this.fail(path, `initial option ${JSON.stringify(chosen)} is not one of the options`);
    }
    if (type === 'external_select' && element.initial_option !== undefined) this.option(element.initial_option, `${path}.initial_option`, true);
    if (type === 'plain_text_input') {
      const max = element.max_length;
      if (max !== undefined && (typeof max !== 'number' || max < 1 || max > L.plainTextInputMax)) this.fail(path, `max_length ${String(max)} is outside 1 to ${L.plainTextInputMax}`);
      const limit = typeof max === 'number' ? max : L.plainTextInputMax;
      if (typeof element.initial_value === 'string' && element.initial_value.length > limit)
        this.fail(path, `initial_value is ${element.initial_value.length} characters, over max_length ${limit}`);
    }
    if (type === 'datepicker' && element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date)))
      this.fail(path, `initial_date ${String(element.initial_date)} is not YYYY-MM-DD`);
  }

  block(block: unknown, path: string, allowed: Set<string>) {
    if (!isObject(block)) return this.fail(path, 'block is not an object');
    const type = String(block.type);
    if (!allowed.has(type)) return this.fail(path, `block type ${type} is not allowed here`);
    this.blockId(block, path);
    switch (type) {
      case 'header':
        return this.text(block.text, `${path}.text`, L.headerText, true);
      case 'section': {
        if (block.text === undefined && block.fields === undefined) this.fail(path, 'section has neither text nor fields');
        if (block.text !== undefined) this.text(block.text, `${path}.text`, L.sectionText);
        if (block.fields !== undefined) {
          const fields = list(block.fields);
          if (fields.length === 0 || fields.length > L.fieldsPerSection) this.fail(path, `${fields.length} fields; a section takes 1 to ${L.fieldsPerSection}`);
          fields.forEach((field, i) => this.text(field, `${path}.fields[${i}]`, L.fieldText));
        }
        return;
      }
      case 'context': {
        const elements = list(block.elements);
        if (elements.length === 0 || elements.length > L.elementsPerContext) this.fail(path, `${elements.length} elements; context takes 1 to ${L.elementsPerContext}`);
        elements.forEach((element, i) => {
          if (!(isObject(element) && element.type === 'image')) this.text(element, `${path}.elements[${i}]`, L.sectionText);
        });
        return;
      }
      case 'actions': {
        const elements = list(block.elements);
        if (elements.length === 0 || elements.length > L.elementsPerActions) this.fail(path, `${elements.length} elements; actions takes 1 to ${L.elementsPerActions}`);
        const actionIds = new Set<string>();
        elements.forEach((element, i) => {
          this.element(element, `${path}.elements[${i}]`, ACTION_ELEMENTS);
          const actionId = isObject(element) ? String(element.action_id) : '';
          if (actionIds.has(actionId)) this.fail(path, `action_id "${actionId}" is used twice in one block`);
          actionIds.add(actionId);
        });
        return;
      }
      case 'input': {
        this.text(block.label, `${path}.label`, L.inputLabel, true);
        if (block.hint !== undefined) this.text(block.hint, `${path}.hint`, L.inputHint, true);
        if (block.optional !== undefined && typeof block.optional !== 'boolean') this.fail(path, 'optional must be true or false');
        return this.element(block.element, `${path}.element`, INPUT_ELEMENTS);
      }
      default:
        return;
    }
  }
}

/** Every problem with the blocks of a message; an empty list means Slack will accept it. */
export function blockKitMessageProblems(blocks: unknown): string[] {
  const checker = new Checker();
  const all = list(blocks);
  if (!Array.isArray(blocks)) checker.fail('blocks', 'not a list');
  if (all.length === 0 || all.length > L.blocksPerMessage) checker.fail('blocks', `${all.length} blocks; a message takes 1 to ${L.blocksPerMessage}`);
  all.forEach((block, i) => checker.block(block, `blocks[${i}]`, MESSAGE_BLOCKS));
  return checker.problems;
}

/** Every problem with a modal view; an empty list means views.open will accept it. */
export function blockKitModalProblems(view: unknown): string[] {
  const checker = new Checker();
  if (!isObject(view)) return ['the view is not an object'];
  if (view.type !== 'modal') checker.fail('view', `type is ${String(view.type)}, not modal`);
  checker.text(view.title, 'view.title', L.modalTitle, true);
  if (view.close !== undefined) checker.text(view.close, 'view.close', L.modalClose, true);
  const blocks = list(view.blocks);
  const hasInputs = blocks.some((block) => isObject(block) && block.type === 'input');
  if (view.submit !== undefined) checker.text(view.submit, 'view.submit', L.modalSubmit, true);
  else if (hasInputs) checker.fail('view', 'a modal with inputs needs a submit button');
  if (view.private_metadata !== undefined && (typeof view.private_metadata !== 'string' || view.private_metadata.length > L.privateMetadata))
    checker.fail('view.private_metadata', `over ${L.privateMetadata} characters`);
  if (view.callback_id !== undefined) checker.id(view.callback_id, 'view.callback_id', L.callbackId, 'callback_id');
  if (blocks.length === 0 || blocks.length > L.blocksPerModal) checker.fail('view.blocks', `${blocks.length} blocks; a modal takes 1 to ${L.blocksPerModal}`);
  blocks.forEach((block, i) => checker.block(block, `view.blocks[${i}]`, MODAL_BLOCKS));
  return checker.problems;
}

/** What a person reads in Slack: every text object, with mrkdwn entities turned back into characters. */
export function slackVisibleText(node: unknown): string {
  const parts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if ((value.type === 'plain_text' || value.type === 'mrkdwn') && typeof value.text === 'string')
        parts.push(value.type === 'mrkdwn' ? value.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : value.text);
      else Object.values(value).forEach(visit);
    }
  };
  visit(node);
  return parts.join('\n');
}
