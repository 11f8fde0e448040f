import { z } from 'zod';
import { INTELLIGENCE_SOURCES, SENTIMENTS, THEMES, URGENCIES } from '../vocabulary.js';

export const SUMMARY_MAX = 3000;
export const SERVICE_USER_REF_MAX = 20;

/** The fields of the intelligence form, by the id both platforms use for the input. */
export const FORM_FIELDS = [
  'provider',
  'service',
  'source',
  'sentiment',
  'themes',
  'eventDate',
  'summary',
  'serviceUserRef',
  'urgency',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

// Teams sends a multi-select as "a,b"; Slack sends an array.
const themeList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : (value ?? [])),
  z.array(z.enum(THEMES, { error: 'Choose themes from the list' })),
);

function isoDateNotInFuture(today: Date) {
  return z
    .string({ error: 'Enter the date it happened' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date, for example 2026-03-27')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Enter a real date')
    .refine((s) => s <= today.toISOString().slice(0, 10), 'The date cannot be in the future')
    .refine((s) => s >= '2000-01-01', 'Enter a date after 1 January 2000');
}

export function intelligenceFormSchema(today: Date) {
  return z.object({
    provider: z.string({ error: 'Choose a provider' }).trim().min(1, 'Choose a provider').max(200),
    service: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
    source: z.enum(INTELLIGENCE_SOURCES, { error: 'Choose where this came from' }),
    sentiment: z.enum(SENTIMENTS, { error: 'Choose positive or adverse' }),
    themes: themeList,
    eventDate: isoDateNotInFuture(today),
    summary: z
      .string({ error: 'Say what happened' })
      .trim()
      .min(1, 'Say what happened')
      .max(SUMMARY_MAX, `What happened must be ${SUMMARY_MAX} characters or fewer`),
    serviceUserRef: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(SERVICE_USER_REF_MAX, `The reference must be ${SERVICE_USER_REF_MAX} characters or fewer`)
        .regex(/^[A-Za-z0-9/-]+$/, 'Use an anonymised reference (letters, numbers, - or /), not a name')
        .optional(),
    ),
    urgency: z.enum(URGENCIES, { error: 'Choose how urgent this is' }),
    messageLink: z.preprocess(emptyToUndefined, z.url().max(500).optional()),
  });
}

export type IntelligenceFormInput = z.infer<ReturnType<typeof intelligenceFormSchema>>;
export type FieldErrors = Partial<Record<FormField, string>>;

export type FormParseResult = { ok: true; value: IntelligenceFormInput } | { ok: false; errors: FieldErrors };

/** Validates a submitted form; errors are keyed by field so each platform can show them beside the input. */
export function parseIntelligenceForm(raw: Record<string, unknown>, today: Date): FormParseResult {
  const parsed = intelligenceFormSchema(today).safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    const key = (FORM_FIELDS as readonly unknown[]).includes(field) ? (field as FormField) : 'summary';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
