import { appendOnly } from './appendOnly.js';
import { Schema, model, type InferSchemaType } from 'mongoose';
import { PLATFORMS } from '../src/core/vocabulary.js';

// Append-only history of ratings: every computed band change and every decided rating
// (who, when, why, from what to what). Never updated or deleted.
const ratingHistorySchema = new Schema({
  /** One entry per change: a repeat of the same change (a retry, a racing recompute) is refused. */
  key: { type: String, required: true, unique: true },
  providerId: { type: Schema.Types.ObjectId, ref: 'Provider', required: true },
  kind: { type: String, enum: ['computed', 'decided'], required: true },
  from: { type: String },
  to: { type: String, required: true },
  score: { type: Number },
  /** Decided: the chair's rationale. Computed: the top drivers, in words. */
  why: { type: String },
  by: {
    platform: { type: String, enum: [...PLATFORMS, 'system'], required: true },
    userId: { type: String, required: true },
    name: { type: String },
  },
  at: { type: Date, required: true, default: () => new Date() },
  /** Decided changes: the version this change created. */
  version: { type: Number },
});
ratingHistorySchema.index({ providerId: 1, at: -1 });

appendOnly(ratingHistorySchema, 'Rating history');

export type RatingHistoryDoc = InferSchemaType<typeof ratingHistorySchema>;
export const RatingHistory = model('RatingHistory', ratingHistorySchema);
