import { Schema, model, type InferSchemaType } from 'mongoose';
import { CLIENT_GROUPS, SERVICE_TYPES } from '../src/core/vocabulary.js';

// A service or location run by a provider. The address is the service's, never a service user's.
const serviceSchema = new Schema(
  {
    providerId: { type: Schema.Types.ObjectId, ref: 'Provider', required: true, index: true },
    externalRef: { type: String, required: true, unique: true },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    type: { type: String, enum: SERVICE_TYPES, required: true },
    clientGroup: { type: String, enum: CLIENT_GROUPS, required: true },
    cqcLocationId: { type: String },
    postcode: { type: String },
  },
  { timestamps: true },
);

export type ServiceDoc = InferSchemaType<typeof serviceSchema> & { _id: import('mongoose').Types.ObjectId };
export const Service = model('Service', serviceSchema);
