import { Schema, model, type InferSchemaType } from 'mongoose';
import { CLIENT_GROUPS, CQC_RATINGS } from '../src/core/vocabulary.js';

const cqcRating = { type: String, enum: CQC_RATINGS };

const providerSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    // Lower-case copy so partial-name search can use an index-friendly anchored regex.
    nameKey: { type: String, required: true, index: true },
    externalRef: { type: String, required: true, unique: true },
    cqcProviderId: { type: String },
    clientGroup: { type: String, enum: CLIENT_GROUPS, required: true },
    inArea: { type: Boolean, default: true },
    hoursCommissioned: { type: Number, min: 0, default: 0 },
    cqcRatings: {
      overall: cqcRating,
      safe: cqcRating,
      effective: cqcRating,
      caring: cqcRating,
      responsive: cqcRating,
      wellLed: cqcRating,
    },
  },
  { timestamps: true },
);

export type ProviderDoc = InferSchemaType<typeof providerSchema> & { _id: import('mongoose').Types.ObjectId };
export const Provider = model('Provider', providerSchema);
