import { Schema, model } from 'mongoose';

// One row per (event, channel) post, so a retried or repeated event is never posted twice.
const deliverySchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    status: { type: String, enum: ['pending', 'sent', 'failed'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastError: { type: String },
  },
  { timestamps: true },
);
export const Delivery = model('Delivery', deliverySchema);
