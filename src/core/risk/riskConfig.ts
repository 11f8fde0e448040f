import { z } from 'zod';
import { INTELLIGENCE_SOURCES } from '../vocabulary.js';

// The scoring configuration for the Risk Matrix (003 §11.1). West Berkshire's own weighting
// table ("Appendix 5") is not published, so every number here is a documented default a
// council can change in a JSON file (RISK_CONFIG_FILE) without a code change.
// See docs/risk-matrix.md.

/** Intelligence source kinds that carry a weight. 'feedback' is general feedback not tied to a source. */
export const RISK_SOURCES = [...new Set([...INTELLIGENCE_SOURCES, 'feedback'] as const)];
export type RiskSource = (typeof INTELLIGENCE_SOURCES)[number] | 'feedback';

export const KEY_QUESTIONS = ['safe', 'effective', 'caring', 'responsive', 'wellLed'] as const;
export type KeyQuestion = (typeof KEY_QUESTIONS)[number];

/** How a CQC rating is scored. Any string CQC sends that is not one of the four ratings counts as 'unrated'. */
export const CQC_RATING_KEYS = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding', 'unrated'] as const;
export type CqcRatingKey = (typeof CQC_RATING_KEYS)[number];

export const RESTRICTION_KINDS = [
  'embargo',
  'place-with-caution',
  'suspension',
  'default-notice',
  'host-council-embargo',
  'host-council-caution',
] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

export const OUTCOME_KEYS = ['pending', 'upheld', 'partly-upheld'] as const;

const DEFAULT_ADVERSE: Record<RiskSource, number> = {
  safeguarding: 4,
  whistleblowing: 3,
  police: 3,
  cq1: 2,
  complaint: 2,
  'cqc-report': 2,
  'other-council': 2,
  'contract-monitoring': 2,
  visit: 2,
  health: 2,
  healthwatch: 1.5,
  'professional-feedback': 1.5,
  feedback: 1,
  other: 1,
  compliment: 0,
};

const DEFAULT_POSITIVE: Record<RiskSource, number> = {
  compliment: 1,
  'professional-feedback': 1,
  visit: 1,
  'contract-monitoring': 1,
  'cqc-report': 1,
  healthwatch: 0.5,
  'other-council': 0.5,
  health: 0.5,
  feedback: 0.5,
  other: 0.5,
  safeguarding: 0,
  whistleblowing: 0,
  police: 0,
  cq1: 0,
  complaint: 0,
};

// Outstanding may be negative: it is good news and lowers the score.
const DEFAULT_CQC_OVERALL: Record<CqcRatingKey, number> = {
  Inadequate: 20,
  'Requires improvement': 8,
  Good: 0,
  Outstanding: -2,
  unrated: 2,
};
const cqcQuestion = (inadequate: number, requiresImprovement: number): Record<CqcRatingKey, number> => ({
  Inadequate: inadequate,
  'Requires improvement': requiresImprovement,
  Good: 0,
  Outstanding: 0,
  unrated: 0,
});
const DEFAULT_CQC_QUESTIONS: Record<KeyQuestion, Record<CqcRatingKey, number>> = {
  safe: cqcQuestion(10, 4),
  effective: cqcQuestion(5, 2),
  caring: cqcQuestion(5, 2),
  responsive: cqcQuestion(5, 2),
  wellLed: cqcQuestion(6, 3),
};

const DEFAULT_RESTRICTIONS: Record<RestrictionKind, number> = {
  suspension: 30,
  embargo: 25,
  'default-notice': 25,
  'host-council-embargo': 15,
  'place-with-caution': 10,
  'host-council-caution': 5,
};

export interface ScaleRating {
  name: string;
  description?: string | undefined;
}

/** Rating scales, most severe first. */
export const RISK_PRESETS = {
  // 000 Appendix 1 (the default).
  'blue-red-amber-green': {
    scale: [
      {
        name: 'Blue',
        description:
          'Major: people who use the service are not protected from unsafe or inappropriate care. Care does not meet quality and safety standards.',
      },
      {
        name: 'Red',
        description:
          'Moderate: people are generally safe, but there is a risk to their health and wellbeing. Care is inconsistent.',
      },
      { name: 'Amber', description: 'Minor: people are safe, but care may not always meet safety and quality standards.' },
      { name: 'Green', description: 'No concerns found.' },
    ],
    bands: [
      { minScore: 45, rating: 'Blue' },
      { minScore: 25, rating: 'Red' },
      { minScore: 10, rating: 'Amber' },
      { minScore: 0, rating: 'Green' },
    ],
  },
  // 004 Appendix H.
  'red-amber-yellow-green': {
    scale: [
      { name: 'Red', description: 'High risk.' },
      { name: 'Amber', description: 'Significant risk.' },
      { name: 'Yellow', description: 'Some risk.' },
      { name: 'Green', description: 'All clear: to be removed from the list.' },
    ],
    bands: [
      { minScore: 45, rating: 'Red' },
      { minScore: 25, rating: 'Amber' },
      { minScore: 10, rating: 'Yellow' },
      { minScore: 0, rating: 'Green' },
    ],
  },
} as const satisfies Record<string, { scale: readonly ScaleRating[]; bands: readonly { minScore: number; rating: string }[] }>;
export type RiskPreset = keyof typeof RISK_PRESETS;
const PRESET_NAMES = Object.keys(RISK_PRESETS) as [RiskPreset, ...RiskPreset[]];

/** An object of numbers, one per key, each defaulted so a council file only names what it changes. */
function numberMap<K extends string>(defaults: Record<K, number>, min?: number) {
  const shape = {} as Record<K, z.ZodDefault<z.ZodNumber>>;
  for (const key of Object.keys(defaults) as K[]) {
    const num = min === undefined ? z.number() : z.number().min(min);
    shape[key] = num.default(defaults[key]);
  }
  // The cast only helps TypeScript: with every key defaulted, {} is valid input.
  return z.strictObject(shape).prefault({} as never);
}

const cqcQuestions = z
  .strictObject({
    safe: numberMap(DEFAULT_CQC_QUESTIONS.safe),
    effective: numberMap(DEFAULT_CQC_QUESTIONS.effective),
    caring: numberMap(DEFAULT_CQC_QUESTIONS.caring),
    responsive: numberMap(DEFAULT_CQC_QUESTIONS.responsive),
    wellLed: numberMap(DEFAULT_CQC_QUESTIONS.wellLed),
  })
  .prefault({});

const triggerSchema = z.strictObject({
  id: z.string().min(1),
  /** Empty means adverse items from any source count. */
  sources: z.array(z.enum(RISK_SOURCES)).default([]),
  count: z.number().int().min(1),
  withinDays: z.number().positive(),
});

export const riskConfigSchema = z
  .strictObject({
    preset: z.enum(PRESET_NAMES).default('blue-red-amber-green'),
    scale: z
      .array(z.strictObject({ name: z.string().trim().min(1), description: z.string().optional() }))
      .min(2),
    bands: z.array(z.strictObject({ minScore: z.number().min(0), rating: z.string().min(1) })).min(1),
    // Weights are never negative: sentiment alone decides whether an item adds or subtracts.
    weights: z
      .strictObject({
        adverse: numberMap(DEFAULT_ADVERSE, 0),
        positive: numberMap(DEFAULT_POSITIVE, 0),
      })
      .prefault({}),
    outcomeMultipliers: numberMap({ pending: 1, upheld: 1.5, 'partly-upheld': 1.25 }, 0),
    decay: z.strictObject({ halfLifeDays: z.number().positive().default(90) }).prefault({}),
    cqc: z.strictObject({ overall: numberMap(DEFAULT_CQC_OVERALL), keyQuestions: cqcQuestions }).prefault({}),
    restrictions: numberMap(DEFAULT_RESTRICTIONS, 0),
    overdueActions: z
      .strictObject({ pointsEach: z.number().min(0).default(2), maxPoints: z.number().min(0).default(10) })
      .prefault({}),
    // multiplier = min(maxMultiplier, 1 + factor x log10(1 + hours / referenceHours)); never below 1.
    exposure: z
      .strictObject({
        referenceHours: z.number().positive().default(10),
        factor: z.number().min(0).default(0.25),
        maxMultiplier: z.number().min(1).default(1.5),
      })
      .prefault({}),
    triggers: z.array(triggerSchema).default([
      { id: 'adverse-items', sources: [], count: 3, withinDays: 90 },
      { id: 'safeguarding', sources: ['safeguarding'], count: 2, withinDays: 30 },
    ]),
    // Likelihood x impact colours (004 Appendix H gives the grid, not the bands).
    concernBands: z
      .array(
        z.strictObject({
          minScore: z.number().int().min(1).max(16),
          band: z.string().min(1),
          weightMultiplier: z.number().min(0).default(1),
        }),
      )
      .min(1)
      .default([
        { minScore: 12, band: 'Red', weightMultiplier: 2 },
        { minScore: 8, band: 'Amber', weightMultiplier: 1.5 },
        { minScore: 4, band: 'Yellow', weightMultiplier: 1 },
        { minScore: 1, band: 'Green', weightMultiplier: 0.5 },
      ]),
    alerts: z.strictObject({ settleHours: z.number().min(0).default(24) }).prefault({}),
  })
  .superRefine((config, ctx) => {
    const names = config.scale.map((r) => r.name);
    config.scale.forEach((r, i) => {
      if (names.indexOf(r.name) !== i) ctx.addIssue({ code: 'custom', path: ['scale', i, 'name'], message: `"${r.name}" is listed twice` });
    });
    config.bands.forEach((b, i) => {
      if (!names.includes(b.rating)) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'rating'], message: `"${b.rating}" is not on the scale (${names.join(', ')})` });
      }
      if (config.bands.findIndex((o) => o.minScore === b.minScore) !== i) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'minScore'], message: `${b.minScore} is used twice` });
      }
    });
    if (!config.bands.some((b) => b.minScore === 0)) {
      ctx.addIssue({ code: 'custom', path: ['bands'], message: 'needs a band with minScore 0' });
    }
    // A higher score must never give a less severe rating, or band alerts would mislead.
    const sorted = [...config.bands].sort((a, b) => a.minScore - b.minScore);
    for (let i = 1; i < sorted.length; i++) {
      if (names.indexOf(sorted[i]!.rating) > names.indexOf(sorted[i - 1]!.rating)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', config.bands.indexOf(sorted[i]!), 'rating'],
          message: 'a higher minScore must not give a less severe rating',
        });
      }
    }
    if (!config.concernBands.some((b) => b.minScore === 1)) {
      ctx.addIssue({ code: 'custom', path: ['concernBands'], message: 'needs a band with minScore 1' });
    }
  });

export type RiskConfig = z.output<typeof riskConfigSchema>;
export type RiskConfigInput = z.input<typeof riskConfigSchema>;

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${path ? `${path}.` : ''}${key}: unknown key`);
  }
  const message = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
  return [`${path || '(root)'}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Checks a council's scoring configuration and fills in defaults.
 * Throws an Error naming each bad key path, e.g. "RISK_CONFIG: bands.1.minScore: expected number",
 * so start-up can stop with a message that says what to fix.
 */
export function parseRiskConfig(input: unknown): RiskConfig {
  let merged = input;
  // The preset supplies the scale and bands unless the council gives its own.
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const raw = input as Record<string, unknown>;
    // An unknown preset is reported by the schema; fall back so it is the only error shown.
    const preset = typeof raw.preset === 'string' && raw.preset in RISK_PRESETS ? (raw.preset as RiskPreset) : 'blue-red-amber-green';
    const { scale, bands } = RISK_PRESETS[preset];
    merged = { scale, bands, ...raw };
  }
  const parsed = riskConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(`RISK_CONFIG: ${parsed.error.issues.flatMap(describeIssue).join('; ')}`);
  }
  // Deep copy so the frozen result never shares objects with the presets or the caller.
  return deepFreeze(structuredClone(parsed.data));
}

export const defaultRiskConfig: RiskConfig = parseRiskConfig({});
