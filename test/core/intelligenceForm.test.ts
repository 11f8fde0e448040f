import { describe, expect, it } from 'vitest';
import { parseIntelligenceForm, SUMMARY_MAX } from '../../src/core/intelligence/intelligenceForm.js';
import { closestMatches } from '../../src/core/providers/closestMatches.js';

const today = new Date('2026-11-22T10:00:00Z');
const valid = {
  provider: '65a000000000000000000001',
  source: 'cq1',
  sentiment: 'adverse',
  themes: 'medication,staffing',
  eventDate: '2026-11-20',
  summary: 'Medication given late on two evenings.',
  urgency: 'urgent',
};

describe('parseIntelligenceForm', () => {
  it('accepts a complete form and splits Teams-style theme lists', () => {
    const result = parseIntelligenceForm(valid, today);
    expect(result).toMatchObject({ ok: true, value: { themes: ['medication', 'staffing'] } });
  });

  it('names each missing field', () => {
    const result = parseIntelligenceForm({ ...valid, summary: '  ', urgency: undefined }, today);
    expect(result).toEqual({ ok: false, errors: { summary: 'Say what happened', urgency: 'Choose how urgent this is' } });
  });

  it('says the limit when text is too long', () => {
    const result = parseIntelligenceForm({ ...valid, summary: 'x'.repeat(SUMMARY_MAX + 1) }, today);
    expect(result).toEqual({ ok: false, errors: { summary: `What happened must be ${SUMMARY_MAX} characters or fewer` } });
  });

  it('refuses future dates and names in the service user reference', () => {
    const result = parseIntelligenceForm({ ...valid, eventDate: '2026-12-01', serviceUserRef: 'Mrs Jones' }, today);
    expect(result).toMatchObject({ ok: false, errors: { eventDate: 'The date cannot be in the future', serviceUserRef: expect.stringContaining('not a name') } });
  });
});

describe('closestMatches', () => {
  const providers = [
    { id: '1', name: 'Oak Lodge Care Home' },
    { id: '2', name: 'Oakwood Home Care' },
    { id: '3', name: 'Riverside Nursing' },
  ];
  it('puts names containing the words first and tolerates typos', () => {
    expect(closestMatches('oak', providers).map((p) => p.id)).toEqual(['1', '2']);
    expect(closestMatches('Riversde Nursing', providers).map((p) => p.id)).toEqual(['3']);
    expect(closestMatches('zzz', providers)).toEqual([]);
  });
});
