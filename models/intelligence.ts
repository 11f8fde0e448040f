import { Schema, model, type InferSchemaType } from 'mongoose';
import { CQ1_OUTCOMES, INTELLIGENCE_SOURCES, PLATFORMS, SENTIMENTS, URGENCIES } from '../src/core/vocabulary.js';

const intelligenceSchema = new Schema(
  {
    reference: { type: String, required: true, unique: true },
    // One record per form submission, however often Slack or Teams re-sends it.
    idempotencyKey: { type: String, required: true, unique: true },
    providerId: { type: Schema.Types.ObjectId, ref: 'Provider', required: true },
    serviceId: { type: Schema.Types.ObjectId, ref: 'Service' },
    source: { type: String, enum: INTELLIGENCE_SOURCES, required: true },
    sentiment: { type: String, enum: SENTIMENTS, required: true },
    themes: { type: [String], default: [] },
    eventDate: { type: Date, required: true },
    summary: { type: String, required: true },
    serviceUserRef: { type: String },
    urgency: { type: String, enum: URGENCIES, required: true },
    messageLink: { type: String },
    outcome: { type: String, enum: CQ1_OUTCOMES, default: 'pending' },
    // Optional per-concern scoring (004 Appendix H): 1 Unlikely..4 Almost certain x 1 Insignificant..4 Major.
    likelihood: { type: Number, min: 1, max: 4 },
    impact: { type: Number, min: 1, max: 4 },
    loggedBy: {
      platform: { type: String, enum: PLATFORMS, required: true },
      userId: { type: String, required: true },
      name: { type: String },
    },
  },
  { timestamps: true },
);
intelligenceSchema.index({ providerId: 1, createdAt: -1 });
// The Risk Matrix recompute matches by provider and by the date it happened.
intelligenceSchema.index({ providerId: 1, eventDate: -1 });
intelligenceSchema.index({ eventDate: -1 });

export type IntelligenceDoc = InferSchemaType<typeof intelligenceSchema> & { _id: import('mongoose').Types.ObjectId };
export const Intelligence = model('Intelligence', intelligenceSchema);
