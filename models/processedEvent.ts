import { Schema, model } from 'mongoose';

// Keys of requests already handled: Slack retries, Teams re-sends and double clicks are dropped by key.
const processedEventSchema = new Schema({
  _id: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});
processedEventSchema.index({ at: 1 });
export const ProcessedEvent = model('ProcessedEvent', processedEventSchema);

/** True the first time a key is seen, false for every repeat. */
export async function claimOnce(key: string): Promise<boolean> {
  try {
    await ProcessedEvent.create({ _id: key });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}
