import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, inject, it } from 'vitest';

// Runs the real command, as someone would from a terminal, against this run's test server.
const dbName = `test_cli_${randomBytes(4).toString('hex')}`;
const scratch = mkdtempSync(join(tmpdir(), 'pq-import-'));

function runImport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, MONGODB_URI: inject('mongoUri'), MONGODB_DB_NAME: dbName, DATA_DIR: scratch };
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/importProviders.ts', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Counts what the command wrote, over a separate connection (the models' default one stays unused here). */
async function countStored(): Promise<{ providers: number; services: number }> {
  const connection = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
  try {
    const db = connection.db!;
    return { providers: await db.collection('providers').countDocuments(), services: await db.collection('services').countDocuments() };
  } finally {
    await connection.close();
  }
}

afterAll(async () => {
  const connection = await mongoose.createConnection(inject('mongoUri'), { dbName }).asPromise();
  await connection.db?.dropDatabase().catch(() => undefined);
  await connection.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run import:providers', () => {
  it('imports the sample file, prints what it did, and a second run changes nothing', async () => {
    const first = await runImport('data/sample-providers.csv');
    expect(first.stdout.trim().split('\n')).toEqual([
      'Read 15 rows from sample-providers.csv.',
      'Providers: 12 added, 0 updated, 0 unchanged.',
      'Services: 14 added, 0 updated, 0 unchanged.',
      'Import finished.',
    ]);
    expect(first.code).toBe(0);

    const second = await runImport('data/sample-providers.csv');
    expect(second.stdout).toContain('Providers: 0 added, 0 updated, 12 unchanged.');
    expect(second.code).toBe(0);

    expect(await countStored()).toEqual({ providers: 12, services: 14 });
  });

  it('exits 1 and lists the bad rows when a file has a problem', async () => {
    const file = join(scratch, 'bad.csv');
    writeFileSync(file, 'provider_ref,provider_name,client_group,hours_commissioned\nNEW-1,Fenwhistle,adults,-3\n');
    const result = await runImport(file);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Read 1 row from bad.csv.',
      '1 row has problems:',
      '  Row 2: hours_commissioned must be a number of hours a week, 0 or more. This row has "-3".',
      'Nothing was imported. Fix the rows above and run the import again.',
    ]);
    expect(result.code).toBe(1);
    expect(await countStored()).toEqual({ providers: 12, services: 14 });
  });

  it('explains how to use it when no file is given or the file is missing', async () => {
    const none = await runImport();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Usage: npm run import:providers -- <file.csv>');
    const missing = await runImport('no-such-file.csv');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Could not find the file no-such-file.csv. Check the path and try again.');
  });
});
