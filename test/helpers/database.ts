import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectMongoose } from '../../src/db/connect.js';

/** Connects this test file to its own fresh database on the shared server. */
export function useDatabase(): void {
  beforeAll(async () => {
    await connectMongoose(inject('mongoUri'), `test_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });
}

/** Empties every collection, for tests that need a clean slate. */
export async function clearCollections(): Promise<void> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.collection.deleteMany({})));
}
