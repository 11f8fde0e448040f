/**
 * Picks the MongoDB server the bot talks to.
 *
 * Order:
 *   1. `uriFromEnv` (e.g. MONGODB_URI) when set: kind 'env', stop() is a no-op.
 *   2. mongodb-memory-server with WiredTiger and `dbPath: dataDir` (data persists in dataDir):
 *      kind 'memory-server'. Only tried when a mongod binary is already on disk
 *      (MONGOMS_SYSTEM_BINARY or the download cache) or its download host answers
 *      a quick TCP probe, so on an offline machine this step fails in about a second
 *      instead of retrying a download for many seconds.
 *   3. The repo's own offline server (tools/offline-db: FerretDB + SQLite),
 *      data in `${dataDir}/offline`: kind 'offline'.
 *
 * Environment:
 *   PQ_DB=offline   skip step 2 and go straight to the offline server (fast path for CI/tests).
 *                   PQ_DB=memory-server skips straight to step 2 (and fails if it fails).
 *                   A set `uriFromEnv` still wins over both.
 *   PQ_MEMORY_SERVER_TIMEOUT_MS  overall limit for step 2 (default 120000: a real download
 *                   of mongod can take a while when the network allows it).
 *   PQ_MEMORY_SERVER_PROBE_MS    limit for the download-host probe (default 2500).
 *   MONGOMS_*       the usual mongodb-memory-server variables (SYSTEM_BINARY, DOWNLOAD_URL,
 *                   DOWNLOAD_MIRROR, VERSION, RUNTIME_DOWNLOAD, ...) are honoured.
 *   PQ_OFFLINE_DB_BIN, GO       see ./offlineServer.ts.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { startOfflineServer, offlineServerAvailable } from './offlineServer.js';

export type DatabaseKind = 'env' | 'memory-server' | 'offline';

export interface ResolvedDatabase {
  uri: string;
  kind: DatabaseKind;
  stop(): Promise<void>;
}

export interface ResolveDatabaseOptions {
  dataDir: string;
  uriFromEnv?: string;
  log: (line: string) => void;
}

const DEFAULT_DOWNLOAD_HOST = 'https://fastdl.mongodb.org';

/** host:port only, never credentials or path/query. */
function redactUri(uri: string): string {
  const m = /^(mongodb(?:\+srv)?):\/\/(?:[^@/]*@)?([^/?]*)/i.exec(uri);
  return m ? `${m[1]}://${m[2]}` : '(unparseable uri)';
}

function errorSummary(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // first line only, without URLs carrying possible tokens
  return (msg.split('\n')[0] ?? '').replace(/https?:\/\/\S+/g, '<url>').slice(0, 200);
}

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Resolves true if a TCP connection to the URL's host:port opens within `ms`. */
function probe(urlText: string, ms: number): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return Promise.resolve(true); // let mongodb-memory-server report its own error
  }
  const port = Number(url.port) || (url.protocol === 'http:' ? 80 : 443);
  return new Promise((res) => {
    const socket = connect({ host: url.hostname, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      res(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function tryMemoryServer(dataDir: string): Promise<ResolvedDatabase> {
  const mms = await import('mongodb-memory-server');
  const { MongoMemoryServer, DryMongoBinary } = mms;

  // Is a mongod already available locally (system binary or download cache)?
  const local = await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions()).catch(() => undefined);
  if (!local) {
    const runtimeDownload = (process.env.MONGOMS_RUNTIME_DOWNLOAD ?? 'true').toLowerCase();
    if (['false', '0', 'no', 'off'].includes(runtimeDownload)) {
      throw new Error('no local mongod binary and MONGOMS_RUNTIME_DOWNLOAD is off');
    }
    const host = process.env.MONGOMS_DOWNLOAD_URL || process.env.MONGOMS_DOWNLOAD_MIRROR || DEFAULT_DOWNLOAD_HOST;
    if (!(await probe(host, envInt('PQ_MEMORY_SERVER_PROBE_MS', 2_500)))) {
      throw new Error('no local mongod binary and the mongod download host is unreachable');
    }
  }

  mkdirSync(dataDir, { recursive: true });
  const server = new MongoMemoryServer({ instance: { dbPath: dataDir, storageEngine: 'wiredTiger' } });
  const started = server.start();
  try {
    await withTimeout(started, envInt('PQ_MEMORY_SERVER_TIMEOUT_MS', 120_000), 'mongodb-memory-server start');
  } catch (err) {
    // If start() completes later, shut it down; never leave a stray mongod behind.
    started.then(
      () => server.stop({ doCleanup: false }).catch(() => undefined),
      () => undefined,
    );
    await server.stop({ doCleanup: false }).catch(() => undefined);
    throw err;
  }
  return {
    uri: server.getUri(),
    kind: 'memory-server',
    async stop() {
      // doCleanup false: keep dbPath contents (it is our persistent data dir).
      await server.stop({ doCleanup: false });
    },
  };
}

export async function resolveDatabase(opts: ResolveDatabaseOptions): Promise<ResolvedDatabase> {
  const { dataDir, uriFromEnv, log } = opts;

  if (uriFromEnv && uriFromEnv.trim()) {
    const uri = uriFromEnv.trim();
    log(`database: using the configured MongoDB URI (${redactUri(uri)})`);
    return { uri, kind: 'env', stop: async () => {} };
  }

  const mode = (process.env.PQ_DB ?? '').trim().toLowerCase();

  if (mode !== 'offline') {
    const t0 = Date.now();
    try {
      const db = await tryMemoryServer(dataDir);
      log(`database: using mongodb-memory-server (${redactUri(db.uri)}), data in ${dataDir}`);
      return db;
    } catch (err) {
      if (mode === 'memory-server') throw err;
      log(
        `database: mongodb-memory-server unavailable after ${Date.now() - t0} ms (${errorSummary(err)}); falling back to the offline server`,
      );
    }
  }

  if (!offlineServerAvailable()) {
    throw new Error(
      'database: no MongoDB available: set a MongoDB URI, or install Go so tools/offline-db can be built ' +
        '(.ci/install-offline-db.sh), or make a mongod binary available to mongodb-memory-server (MONGOMS_SYSTEM_BINARY)',
    );
  }
  const offlineDir = join(dataDir, 'offline');
  const server = await startOfflineServer({ dataDir: offlineDir });
  log(`database: using the offline server (FerretDB/SQLite, ${redactUri(server.uri)}), data in ${offlineDir}`);
  return { uri: server.uri, kind: 'offline', stop: () => server.stop() };
}
