import { Schema, model, type InferSchemaType } from 'mongoose';
import { PLATFORMS } from '../src/core/vocabulary.js';

// The Risk Matrix state of one provider: the computed score (advice), the band-alert state, and the
// decided rating (what the council acts on). Every change is also kept in RatingHistory.

const driverSchema = new Schema({ kind: { type: String, required: true }, label: { type: String, required: true }, points: { type: Number, required: true } }, { _id: false });

const riskStateSchema = new Schema(
  {
    // The provider's id is also this document's _id: FerretDB v1 only uses an index for _id look-ups,
    // so every read and write of one provider's state is keyed by it.
    _id: { type: Schema.Types.ObjectId },
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
riskStateSchema.pre('validate', function keyByProvider() {
  if (this.providerId && !this._id?.equals(this.providerId)) this._id = this.providerId;
});

export type RiskStateDoc = InferSchemaType<typeof riskStateSchema> & { _id: import('mongoose').Types.ObjectId };
export const RiskState = model('RiskState', riskStateSchema);
