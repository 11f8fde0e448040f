import { z } from 'zod';
import type { ScreenView } from '../../../cards/viewModels.js';
import type { Actor } from '../../app/actor.js';
import { matrixExport, parseExportValue, ratingFormFor, reviewDismiss, reviewOpen, submitRating } from '../../app/risk/index.js';

// Risk Matrix card actions on Teams, by verb (the same verbs are Slack action ids).
// Returns undefined for verbs that are not the Risk Matrix's.

const valueData = z.object({ value: z.string().max(100) });
const ratingData = z.object({ providerId: z.string().min(1).max(100), expectedVersion: z.coerce.number().int().min(0) });

export async function runRiskCardAction(verb: string, data: Record<string, unknown>, actor: Actor): Promise<ScreenView | undefined | 'out-of-date'> {
  switch (verb) {
    case 'rating.set': {
      const parsed = valueData.safeParse(data);
      return parsed.success ? ratingFormFor(actor, parsed.data.value) : 'out-of-date';
    }
    case 'rating.submit': {
      const parsed = ratingData.safeParse(data);
      if (!parsed.success) return 'out-of-date';
      const outcome = await submitRating(actor, parsed.data.providerId, { rating: data.rating, rationale: data.rationale, expectedVersion: parsed.data.expectedVersion });
      return outcome.view;
    }
    case 'review.open': {
      const parsed = valueData.safeParse(data);
      return parsed.success ? (await reviewOpen(actor, parsed.data.value)).view : 'out-of-date';
    }
    case 'review.dismiss': {
      const parsed = valueData.safeParse(data);
      return parsed.success ? (await reviewDismiss(actor, parsed.data.value, data.reason ?? '')).view : 'out-of-date';
    }
    case 'matrix.export': {
      const parsed = valueData.safeParse(data);
      return parsed.success ? matrixExport(parseExportValue(parsed.data.value)) : 'out-of-date';
    }
    default:
      return undefined;
  }
}
