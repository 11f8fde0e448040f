import { Schema, model } from 'mongoose';
import { PLATFORMS } from '../src/core/vocabulary.js';

// A file waiting to be downloaded through a short-lived link (Teams shows no data: attachments).
const downloadSchema = new Schema({
  _id: { type: String, required: true },
  name: { type: String, required: true },
  mimeType: { type: String, required: true },
  content: { type: String, required: true },
  createdBy: {
    platform: { type: String, enum: PLATFORMS, required: true },
    userId: { type: String, required: true },
  },
  expiresAt: { type: Date, required: true },
});
downloadSchema.index({ expiresAt: 1 });
export const Download = model('Download', downloadSchema);
