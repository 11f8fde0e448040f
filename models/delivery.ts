import { Schema, model } from 'mongoose';

// One row per (event, channel) post, so a retried or repeated event is never posted twice.
const deliverySchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    status: { type: String, enum: ['pending', 'sent', 'failed'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastError: { type: String },
    // Kept when a post fails, so the retry job can post it again later: which channel, and what.
    platform: { type: String },
    channelId: { type: String },
    kind: { type: String },
    view: { type: Schema.Types.Mixed },
  },
  { timestamps: true },
);
deliverySchema.index({ status: 1, updatedAt: 1 });
export const Delivery = model('Delivery', deliverySchema);
