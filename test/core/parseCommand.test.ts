import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/parseCommand.js';

describe('parseCommand', () => {
  it('reads the same words with or without a leading pq', () => {
    expect(parseCommand('subscribe all adults')).toEqual(parseCommand('pq subscribe all adults'));
    expect(parseCommand('subscribe intelligence rating-changes')).toEqual({
      type: 'subscribe',
      kinds: ['intelligence', 'rating-changes'],
      group: 'all',
    });
  });

  it('opens the right form', () => {
    expect(parseCommand('cq1')).toEqual({ type: 'open-form', kind: 'cq1' });
    expect(parseCommand('PQ Intel')).toEqual({ type: 'open-form', kind: 'intel' });
  });

  it('names the word it did not understand', () => {
    expect(parseCommand('subscribe gossip')).toMatchObject({ type: 'invalid', message: expect.stringContaining('"gossip"') });
    expect(parseCommand('dance')).toMatchObject({ type: 'invalid', message: expect.stringContaining('help') });
  });

  it('unsubscribes from everything when no kind is given', () => {
    expect(parseCommand('unsubscribe')).toMatchObject({ type: 'unsubscribe', kinds: expect.arrayContaining(['intelligence', 'meetings']) });
  });

  it('parses role assignment and rejects unknown roles', () => {
    expect(parseCommand('admin role <@U123|jo> quality-officer')).toEqual({ type: 'assign-role', target: '<@U123|jo>', role: 'quality-officer' });
    expect(parseCommand('admin role @jo boss')).toMatchObject({ type: 'invalid', message: expect.stringContaining('"boss" is not a role') });
  });

  it('asks for a name when provider has none', () => {
    expect(parseCommand('provider')).toMatchObject({ type: 'invalid' });
    expect(parseCommand('provider Oak Lodge')).toEqual({ type: 'find-provider', query: 'Oak Lodge' });
  });
});

describe('parseCommand: outcomes', () => {
  it('reads a reference and an outcome, in any case', () => {
    expect(parseCommand('outcome int-000123 Not-Liable')).toEqual({ type: 'record-outcome', reference: 'INT-000123', outcome: 'not-liable' });
  });
  it('explains what is wrong', () => {
    expect(parseCommand('outcome INT-1 guilty')).toMatchObject({ type: 'invalid', message: expect.stringContaining('"guilty" is not an outcome') });
    expect(parseCommand('outcome 123 upheld')).toMatchObject({ type: 'invalid', message: expect.stringContaining('References look like INT-000123') });
    expect(parseCommand('outcome')).toMatchObject({ type: 'invalid', message: expect.stringContaining('outcome <reference>') });
  });
});
