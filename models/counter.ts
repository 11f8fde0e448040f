import { Schema, model } from 'mongoose';

// Sequence numbers for human-readable references such as INT-000042.
const counterSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, required: true } });
export const Counter = model('Counter', counterSchema);

export async function nextSequence(name: string): Promise<number> {
  const counter = await Counter.findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
  return counter.value;
}
