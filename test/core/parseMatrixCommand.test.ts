import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/parseCommand.js';

describe('matrix command', () => {
  it.each([
    ['matrix', { type: 'matrix', export: false }],
    ['/pq matrix'.replace('/', ''), { type: 'matrix', export: false }],
    ['matrix adults red', { type: 'matrix', group: 'adults', rating: 'red', export: false }],
    ['matrix Red children', { type: 'matrix', group: 'children', rating: 'red', export: false }],
    ['matrix export', { type: 'matrix', export: true }],
    ['matrix children csv', { type: 'matrix', group: 'children', export: true }],
  ])('reads "%s"', (input, intent) => {
    expect(parseCommand(input)).toEqual(intent);
  });

  it('refuses more than one rating and explains the form', () => {
    const intent = parseCommand('matrix red amber');
    expect(intent.type).toBe('invalid');
    expect(intent).toMatchObject({ message: expect.stringContaining('matrix [adults|children] [rating] [export]') });
  });
});
