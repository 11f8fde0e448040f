import type { Schema } from 'mongoose';

const CHANGING_QUERIES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'replaceOne'] as const;

/** Makes a collection append-only through mongoose: history is added to, never rewritten. */
export function appendOnly(schema: Schema, what: string): void {
  for (const op of CHANGING_QUERIES) {
    schema.pre(op, () => {
      throw new Error(`${what} is append-only`);
    });
  }
}
