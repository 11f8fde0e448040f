import { Schema, model, type InferSchemaType } from 'mongoose';
import { PLATFORMS } from '../src/core/vocabulary.js';

// The Risk Matrix state of one provider: the computed score (advice), the band-alert state, and the
// decided rating (what the council acts on). Every change is also kept in RatingHistory.

const driverSchema = new Schema({ kind: { type: String, required: true }, label: { type: String, required: true }, points: { type: Number, required: true } }, { _id: false });

const riskStateSchema = new Schema(
  {
    providerId: { type: Schema.Types.ObjectId, ref: 'Provider', required: true, unique: true },
    computed: {
      score: { type: Number },
      rating: { type: String },
      /** The top signals, largest first. */
      drivers: { type: [driverSchema], default: undefined },
      computedAt: { type: Date },
    },
    // decideBandAlert state: the last announced band and a change waiting to settle.
    // Mixed, because either part may be null: { announced: {rating, at} | null, pending: {rating, since} | null }.
    band: { type: Schema.Types.Mixed, default: () => ({ announced: null, pending: null }) },
    /** A fresh token on every computed write: a recompute only writes over the state it read, so two racing cannot both announce. */
    rev: { type: String },
    /** When the score was last checked, changed or not. */
    checkedAt: { type: Date },
    decided: {
      rating: { type: String },
      rationale: { type: String },
      by: { platform: { type: String, enum: PLATFORMS }, userId: { type: String }, name: { type: String } },
      at: { type: Date },
    },
    /** Version of the decided rating, for optimistic concurrency: 0 until someone sets one. */
    version: { type: Number, default: 0 },
    /** Latest score in each month, oldest first, at most 13 months. */
    trend: { type: [new Schema({ month: String, score: Number, rating: String }, { _id: false })], default: [] },
  },
  { timestamps: true },
);
riskStateSchema.index({ 'band.pending.since': 1 });

export type RiskStateDoc = InferSchemaType<typeof riskStateSchema> & { _id: import('mongoose').Types.ObjectId };
export const RiskState = model('RiskState', riskStateSchema);
