import { Schema, model, type InferSchemaType } from 'mongoose';
import { EVENT_KINDS, PLATFORMS, SUBSCRIPTION_GROUPS } from '../src/core/vocabulary.js';

// Which events a channel receives. Teams needs the stored conversation reference to post proactively.
const subscriptionSchema = new Schema(
  {
    platform: { type: String, enum: PLATFORMS, required: true },
    channelId: { type: String, required: true },
    channelName: { type: String },
    kinds: { type: [String], enum: EVENT_KINDS, default: [] },
    clientGroup: { type: String, enum: SUBSCRIPTION_GROUPS, default: 'all' },
    conversationReference: { type: Schema.Types.Mixed },
    updatedBy: { type: String },
  },
  { timestamps: true },
);
subscriptionSchema.index({ platform: 1, channelId: 1 }, { unique: true });
subscriptionSchema.index({ kinds: 1 });

export type SubscriptionDoc = InferSchemaType<typeof subscriptionSchema>;
export const Subscription = model('Subscription', subscriptionSchema);
