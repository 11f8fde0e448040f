// npm run import:providers -- <file.csv>
// Imports providers and services from a CSV file into the database the bot uses, prints what
// happened, and exits 0 when the file was imported or 1 when it was not.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import mongoose from 'mongoose';
import { ConfigError, loadConfig } from '../config.js';
import { connectMongoose } from '../db/connect.js';
import { resolveDatabase, type ResolvedDatabase } from '../db/resolveDatabase.js';
import { describeImport, importProviders } from '../app/importProviders.js';

const USAGE = [
  'Usage: npm run import:providers -- <file.csv>',
  'Imports providers and their services from a CSV file. See docs/importing-providers.md for the columns.',
];

async function main(args: string[]): Promise<number> {
  const [file] = args;
  if (!file || file === '--help' || file === '-h') {
    console.error(USAGE.join('\n'));
    return 1;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(`Could not find the file ${file}. Check the path and try again.\n${USAGE[0]}`);
    return 1;
  }
  const text = readFileSync(file, 'utf8');

  const config = loadConfig();
  mkdirSync(config.DATA_DIR, { recursive: true });
  let database: ResolvedDatabase | undefined;
  try {
    database = await resolveDatabase({
      dataDir: config.DATA_DIR,
      ...(config.MONGODB_URI ? { uriFromEnv: config.MONGODB_URI } : {}),
      // Database notes go to stderr so the report on stdout stays clean.
      log: (line) => console.error(line),
    });
    await connectMongoose(database.uri, config.MONGODB_DB_NAME);
    const report = await importProviders(text);
    console.log(describeImport(report, basename(file)).join('\n'));
    return report.imported ? 0 : 1;
  } finally {
    await mongoose.disconnect().catch(() => undefined);
    await database?.stop().catch(() => undefined);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      console.error(`The import stopped: ${reason}`);
      console.error('Some providers may already be written. Fix the problem and run the import again: it finishes the job without adding anything twice.');
    }
    process.exit(1);
  },
);
