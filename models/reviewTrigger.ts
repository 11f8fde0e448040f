import { Schema, model, type InferSchemaType } from 'mongoose';
import { PLATFORMS } from '../src/core/vocabulary.js';

// A "review this provider" card raised by a threshold trigger (for example 3 adverse items in 90 days).
// `key` is unique, so two recomputes racing raise one card, not two.
const reviewTriggerSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    providerId: { type: Schema.Types.ObjectId, ref: 'Provider', required: true },
    /** The trigger's id from the risk configuration. */
    triggerId: { type: String, required: true },
    /** Plain English, for example "3 adverse items in the last 90 days". */
    label: { type: String, required: true },
    itemIds: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, enum: ['open', 'dismissed', 'reviewing'], required: true, default: 'open' },
    dismissedReason: { type: String },
    by: { platform: { type: String, enum: PLATFORMS }, userId: { type: String }, name: { type: String } },
    decidedAt: { type: Date },
  },
  { timestamps: true },
);
reviewTriggerSchema.index({ providerId: 1, triggerId: 1, status: 1 });

export type ReviewTriggerDoc = InferSchemaType<typeof reviewTriggerSchema> & { _id: import('mongoose').Types.ObjectId };
export const ReviewTrigger = model('ReviewTrigger', reviewTriggerSchema);
