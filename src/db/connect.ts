import mongoose from 'mongoose';

mongoose.set('strictQuery', true);

export async function connectMongoose(uri: string, dbName: string): Promise<typeof mongoose> {
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 5000, autoIndex: true });
  // Unique indexes carry the idempotency guarantees: make sure they exist before the first request.
  await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
  // From now on, fail fast when the database is away, so the person gets "not saved, try again"
  // at once instead of a request that hangs while mongoose queues it.
  mongoose.set('bufferCommands', false);
  return mongoose;
}

export function databaseReachable(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return Promise.resolve(false);
  return Promise.race([
    db.admin().ping().then(() => true, () => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
  ]);
}
