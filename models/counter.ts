import { Schema, model } from 'mongoose';

// Sequence numbers for human-readable references such as INT-000042.
const counterSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, required: true } });
export const Counter = model('Counter', counterSchema);

export async function nextSequence(name: string): Promise<number> {
  const increment = () => Counter.findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
  try {
    return (await increment()).value;
  } catch (error) {
    // Two first-ever upserts of the same counter race: one loses with a duplicate key, and its retry
    // finds the counter now exists (MongoDB documents this retry for upserts).
    if ((error as { code?: number }).code !== 11000) throw error;
    return (await increment()).value;
  }
}
