import { appendOnly } from './appendOnly.js';
import { Schema, model, type InferSchemaType } from 'mongoose';
import { PLATFORMS } from '../src/core/vocabulary.js';

// Append-only: who did what, when, from which platform, with the state before and after.
const auditEventSchema = new Schema({
  at: { type: Date, required: true, default: () => new Date() },
  action: { type: String, required: true },
  actor: {
    platform: { type: String, enum: [...PLATFORMS, 'system'], required: true },
    userId: { type: String, required: true },
  },
  entityType: { type: String, required: true },
  entityId: { type: String, required: true },
  before: { type: Schema.Types.Mixed },
  after: { type: Schema.Types.Mixed },
});
auditEventSchema.index({ entityType: 1, entityId: 1, at: -1 });

appendOnly(auditEventSchema, 'The audit trail');

export type AuditEventDoc = InferSchemaType<typeof auditEventSchema>;
export const AuditEvent = model('AuditEvent', auditEventSchema);
