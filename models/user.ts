import { Schema, model, type InferSchemaType } from 'mongoose';
import { PLATFORMS, ROLES } from '../src/core/vocabulary.js';

// One record per platform identity: Slack user id, or Teams AAD object id.
const userSchema = new Schema(
  {
    platform: { type: String, enum: PLATFORMS, required: true },
    platformUserId: { type: String, required: true },
    displayName: { type: String },
    roles: { type: [String], enum: ROLES, default: ['social-worker'] },
  },
  { timestamps: true },
);
userSchema.index({ platform: 1, platformUserId: 1 }, { unique: true });

export type UserDoc = InferSchemaType<typeof userSchema>;
export const User = model('User', userSchema);
