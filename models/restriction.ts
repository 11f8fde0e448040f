import { Schema, model, type InferSchemaType } from 'mongoose';
import { RESTRICTION_KINDS } from '../src/core/risk/riskConfig.js';

// A restriction on commissioning from a provider (003 §13). Minimal: only what the Risk Matrix reads.
// The decision and approval flow that creates these belongs to a later issue.
const restrictionSchema = new Schema(
  {
    providerId: { type: Schema.Types.ObjectId, ref: 'Provider', required: true },
    kind: { type: String, enum: RESTRICTION_KINDS, required: true },
    status: { type: String, enum: ['active', 'lifted'], required: true, default: 'active' },
    startedAt: { type: Date, required: true },
    liftedAt: { type: Date },
  },
  { timestamps: true },
);
restrictionSchema.index({ providerId: 1, status: 1 });
restrictionSchema.index({ status: 1 });

export type RestrictionDoc = InferSchemaType<typeof restrictionSchema>;
export const Restriction = model('Restriction', restrictionSchema);
