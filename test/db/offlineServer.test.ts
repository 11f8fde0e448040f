/**
 * Exercises the database the bot would resolve (normally the offline
 * FerretDB/SQLite server on this machine) with mongoose 9 and agenda 6.
 * Set PQ_DB=offline to skip the mongodb-memory-server attempt.
 * A MONGODB_URI in the environment is deliberately NOT used here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import type { Db } from 'mongodb';
import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { resolveDatabase, type ResolvedDatabase } from '../../src/db/resolveDatabase.js';
import { startOfflineServer } from '../../src/db/offlineServer.js';

// First start may build tools/offline-db (about 1-1.5 min cold on 2 cores).
const START_TIMEOUT = 5 * 60_000;

describe('resolved database with mongoose and agenda', () => {
  let dataDir: string;
  let db: ResolvedDatabase;
  let conn: Connection;
  const logLines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pq-db-test-'));
    db = await resolveDatabase({ dataDir, uriFromEnv: undefined, log: (l) => logLines.push(l) });
    conn = await mongoose.createConnection(db.uri, { dbName: 'pq_test', serverSelectionTimeoutMS: 10_000 }).asPromise();
  }, START_TIMEOUT);

  afterAll(async () => {
    await conn?.close();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('logs exactly one "using" line without credentials', () => {
    const chosen = logLines.filter((l) => l.includes('database: using'));
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toMatch(/mongodb:\/\/127\.0\.0\.1:\d+/);
    expect(['memory-server', 'offline']).toContain(db.kind);
  });

  interface ItemAttrs {
    sku: string;
    group: string;
    qty?: number;
    at?: Date;
  }
  const itemSchema = new Schema<ItemAttrs>({
    sku: { type: String, required: true, unique: true },
    group: { type: String, required: true, index: true },
    qty: { type: Number, default: 0 },
    at: { type: Date, default: () => new Date() },
  });
  let itemModel: Model<ItemAttrs> | undefined;
  const Item = (): Model<ItemAttrs> => (itemModel ??= conn.model<ItemAttrs>('Item', itemSchema));

  it('creates indexes, and a unique index rejects duplicates with code 11000', async () => {
    const M = Item();
    await M.init();
    await M.syncIndexes();
    const indexes = await M.collection.indexes();
    const names = indexes.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['_id_', 'sku_1', 'group_1']));
    expect(indexes.find((i) => i.name === 'sku_1')?.unique).toBe(true);

    await M.create({ sku: 'a', group: 'g1', qty: 1 });
    await expect(M.create({ sku: 'a', group: 'g2' })).rejects.toMatchObject({ code: 11000 });
    await expect(M.insertMany([{ sku: 'b', group: 'g1' }, { sku: 'b', group: 'g1' }])).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('compound unique index', async () => {
    const subSchema = new Schema<{ platform: string; channelId: string }>({ platform: String, channelId: String });
    subSchema.index({ platform: 1, channelId: 1 }, { unique: true });
    const Sub = conn.model('Sub', subSchema);
    await Sub.init();
    await Sub.create({ platform: 'slack', channelId: 'C1' });
    await Sub.create({ platform: 'teams', channelId: 'C1' });
    await expect(Sub.create({ platform: 'slack', channelId: 'C1' })).rejects.toMatchObject({ code: 11000 });
  });

  it('findOneAndUpdate with upsert and $inc, sort/limit, countDocuments', async () => {
    const M = Item();
    const first = await M.findOneAndUpdate(
      { sku: 'u1' },
      { $inc: { qty: 5 }, $setOnInsert: { group: 'g2' } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(first?.qty).toBe(5);
    const second = await M.findOneAndUpdate({ sku: 'u1' }, { $inc: { qty: 2 } }, { upsert: true, returnDocument: 'after' }).lean();
    expect(second?.qty).toBe(7);
    expect(second?._id.toString()).toBe(first?._id.toString());

    await M.create([
      { sku: 's1', group: 'g3', qty: 30 },
      { sku: 's2', group: 'g3', qty: 10 },
      { sku: 's3', group: 'g3', qty: 20 },
    ]);
    const top = await M.find({ group: 'g3' }).sort({ qty: -1 }).limit(2).lean();
    expect(top.map((d) => d.sku)).toEqual(['s1', 's3']);
    expect(await M.countDocuments({ group: 'g3' })).toBe(3);
    expect(await M.countDocuments({ qty: { $gte: 10 } })).toBe(3);
    const upd = await M.updateMany({ group: 'g3' }, { $set: { qty: 1 } });
    expect(upd.modifiedCount).toBe(3);
    expect((await M.deleteOne({ sku: 's2' })).deletedCount).toBe(1);
    // regex (case-insensitive, anchored) as used for partial-name search
    expect(await M.countDocuments({ sku: { $regex: '^S', $options: 'i' } })).toBe(2);
  });

  it('aggregate: $match, $group with $sum, $sort', async () => {
    const M = Item();
    await M.create([
      { sku: 'x1', group: 'agg-a', qty: 1 },
      { sku: 'x2', group: 'agg-a', qty: 2 },
      { sku: 'x3', group: 'agg-b', qty: 10 },
    ]);
    const rows = await M.aggregate<{ _id: string; total: number; n: number }>([
      { $match: { group: { $in: ['agg-a', 'agg-b'] } } },
      { $group: { _id: '$group', total: { $sum: '$qty' }, n: { $sum: 1 } } },
      { $sort: { total: -1 } },
    ]);
    expect(rows).toEqual([
      { _id: 'agg-b', total: 10, n: 1 },
      { _id: 'agg-a', total: 3, n: 2 },
    ]);
  });

  it('agenda 6 with @agendajs/mongo-backend runs a job scheduled now', async () => {
    const agenda = new Agenda({
      // Reuse mongoose's client. mongoose 9 bundles its own mongodb driver (7.8) while
      // @agendajs/mongo-backend is typed against the top-level one (7.9): same API, distinct types.
      backend: new MongoBackend({ mongo: conn.getClient().db('pq_test_agenda') as unknown as Db }),
      processEvery: 250, // ms (a string like '200 milliseconds' is misparsed as 200 s by agenda 6)
    });
    try {
      const ran = new Promise<unknown>((res, rej) => {
        agenda.define('say-hello', async (job) => {
          res(job.attrs.data);
        });
        agenda.on('fail', (err) => rej(err));
        agenda.on('error', (err) => rej(err));
      });
      const completed = new Promise<void>((res) => agenda.once('complete:say-hello', () => res()));
      await agenda.start();
      await agenda.now('say-hello', { to: 'world' });
      await expect(ran).resolves.toEqual({ to: 'world' });
      await completed;
      // every + unique single jobs (upsert path in the backend)
      await agenda.every('1 hour', 'say-hello', { to: 'later' });
      await agenda.every('1 hour', 'say-hello', { to: 'later' });
      const jobs = await agenda.queryJobs({ name: 'say-hello' });
      expect(jobs.total).toBeGreaterThanOrEqual(2);
    } finally {
      await agenda.stop();
    }
  }, 30_000);
});

describe('offline server lifecycle', () => {
  it('persists data across restarts and refuses a second server on the same dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pq-offline-'));
    try {
      const s1 = await startOfflineServer({ dataDir: dir });
      await expect(startOfflineServer({ dataDir: dir, onServerLog: () => {} })).rejects.toThrow(/in use/);
      const c1 = await mongoose.createConnection(s1.uri, { dbName: 'persist' }).asPromise();
      await c1.collection('kv').insertOne({ k: 'x', v: 1 });
      await c1.close();
      await s1.stop();
      await s1.stop(); // idempotent

      const s2 = await startOfflineServer({ dataDir: dir });
      const c2 = await mongoose.createConnection(s2.uri, { dbName: 'persist' }).asPromise();
      expect(await c2.collection('kv').findOne({ k: 'x' }, { projection: { _id: 0 } })).toEqual({ k: 'x', v: 1 });
      await c2.close();
      await s2.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, START_TIMEOUT);
});

describe('resolveDatabase', () => {
  it('prefers the URI from the environment and never logs credentials', async () => {
    const lines: string[] = [];
    const db = await resolveDatabase({
      dataDir: join(tmpdir(), 'pq-unused'),
      uriFromEnv: 'mongodb://bot:s3cret@db.example:27017/app?authSource=admin',
      log: (l) => lines.push(l),
    });
    expect(db.kind).toBe('env');
    expect(db.uri).toBe('mongodb://bot:s3cret@db.example:27017/app?authSource=admin');
    await db.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('mongodb://db.example:27017');
    expect(lines.join('\n')).not.toMatch(/s3cret|bot:|authSource/);
  });

  it('PQ_DB=offline goes straight to the offline server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pq-resolve-'));
    const saved = process.env.PQ_DB;
    process.env.PQ_DB = 'offline';
    try {
      const lines: string[] = [];
      const db = await resolveDatabase({ dataDir: dir, log: (l) => lines.push(l) });
      try {
        expect(db.kind).toBe('offline');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/offline server .* data in .*offline/);
      } finally {
        await db.stop();
      }
    } finally {
      if (saved === undefined) delete process.env.PQ_DB;
      else process.env.PQ_DB = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  }, START_TIMEOUT);
});
