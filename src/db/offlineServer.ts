/**
 * Offline MongoDB-compatible server for machines that cannot download `mongod`.
 *
 * The server is `tools/offline-db`: FerretDB v1 (SQLite backend, pure Go)
 * embedded in a tiny Go program that this repo builds itself with
 * `tools/offline-db/build.sh` (Go toolchain + Go module proxy only).
 * Data is persisted as SQLite files in the given data directory.
 *
 * Environment:
 *   PQ_OFFLINE_DB_BIN  use this prebuilt binary instead of tools/offline-db/bin/offline-db
 *                      (no build is attempted).
 *   GO                 go binary used by build.sh (default: `go` on PATH).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface OfflineServer {
  /** mongodb://127.0.0.1:PORT/ (no database name: pass dbName to the driver). */
  uri: string;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period). Idempotent. */
  stop(): Promise<void>;
}

export interface StartOfflineServerOptions {
  /** Directory for the SQLite files; created if missing. One server per directory at a time. */
  dataDir: string;
  /** Listen address, default 127.0.0.1:0 (a free port). */
  listen?: string;
  /** How long to wait for readiness (excluding a build), default 30 s. */
  readyTimeoutMs?: number;
  /**
   * Receives the server's error log lines (stderr). Default: write them to
   * process.stderr, truncated. The server logs at error level only, so this is quiet.
   */
  onServerLog?: (line: string) => void;
}

const READY_PREFIX = 'OFFLINE_DB_READY ';
const STOP_GRACE_MS = 8_000;

/** tools/offline-db, found by walking up from this file (works from src/ and from a build output dir). */
function toolDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'tools', 'offline-db');
    if (existsSync(join(candidate, 'build.sh'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function binaryPath(): string | undefined {
  const fromEnv = process.env.PQ_OFFLINE_DB_BIN;
  if (fromEnv) return resolve(fromEnv);
  const tools = toolDir();
  return tools ? join(tools, 'bin', 'offline-db') : undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Same search as build.sh's find_go. */
function findGo(): string | undefined {
  const fromEnv = process.env.GO;
  if (fromEnv) return isFile(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isFile(join(dir, 'go'))) return join(dir, 'go');
  }
  return ['/usr/local/go/bin/go', '/usr/lib/go/bin/go'].find(isFile);
}

/** Newest mtime of the files under `dir`, skipping bin/ and *.md (mirrors build.sh's up_to_date). */
function newestSourceMtime(dir: string, skipDir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (p === skipDir) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p, skipDir));
    else if (entry.isFile() && !entry.name.endsWith('.md')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when the binary is built and newer than its sources (or given via PQ_OFFLINE_DB_BIN). */
function binaryUpToDate(bin: string): boolean {
  if (!isFile(bin)) return false;
  if (process.env.PQ_OFFLINE_DB_BIN) return true;
  const tools = toolDir();
  if (!tools) return true;
  return newestSourceMtime(tools, join(tools, 'bin')) <= statSync(bin).mtimeMs;
}

/** True if the offline server binary is built, or can be built (build.sh present and Go available). */
export function offlineServerAvailable(): boolean {
  const bin = binaryPath();
  if (bin && isFile(bin)) return true;
  if (process.env.PQ_OFFLINE_DB_BIN) return false;
  return toolDir() !== undefined && findGo() !== undefined;
}

async function ensureBuilt(): Promise<string> {
  const bin = binaryPath();
  if (!bin) throw new Error('offline DB: tools/offline-db/build.sh not found (is this the repo checkout?)');
  if (binaryUpToDate(bin)) return bin;
  if (process.env.PQ_OFFLINE_DB_BIN) throw new Error(`offline DB: PQ_OFFLINE_DB_BIN=${bin} does not exist`);
  const tools = toolDir()!;
  if (!findGo()) {
    if (isFile(bin)) return bin; // stale but usable; cannot rebuild without Go
    throw new Error(
      'offline DB: the server binary is not built and the Go toolchain (>= 1.22) was not found. ' +
        'Run .ci/install-offline-db.sh as root (installs Go with apt if needed) or install Go, ' +
        `or build it elsewhere and set PQ_OFFLINE_DB_BIN. Expected binary: ${bin}`,
    );
  }
  // About 1.5 min cold, instant when up to date; build.sh serialises concurrent builds with a lock.
  const output: string[] = [];
  const code = await new Promise<number | string>((res) => {
    const child = spawn('bash', [join(tools, 'build.sh')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output.push(chunk.toString('utf8'));
      if (output.length > 200) output.splice(0, output.length - 200);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (err) => res(err.message));
    child.once('close', (c, signal) => res(c ?? signal ?? 'unknown'));
  });
  if (code !== 0 || !isFile(bin)) {
    const tail = output.join('').trim().split('\n').slice(-15).join('\n');
    throw new Error(`offline DB: build failed (tools/offline-db/build.sh exited ${code}):\n${tail}`);
  }
  return bin;
}

// Children still running, killed when this process exits for any reason.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

function defaultServerLog(line: string): void {
  process.stderr.write(`[offline-db] ${line.length > 500 ? `${line.slice(0, 500)}…` : line}\n`);
}

/**
 * Starts the offline server on `dataDir` (building it first if needed) and
 * resolves once it accepts connections.
 */
export async function startOfflineServer(opts: StartOfflineServerOptions): Promise<OfflineServer> {
  const bin = await ensureBuilt();
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const onServerLog = opts.onServerLog ?? defaultServerLog;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 30_000;

  const child = spawn(
    bin,
    ['-listen', opts.listen ?? '127.0.0.1:0', '-data', dataDir, '-log-level', 'error', '-exit-on-stdin-close'],
    // stdin stays open as a lifeline: if this process dies, the pipe closes and the server exits.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  live.add(child);
  installExitHook();

  const exited = new Promise<void>((res) => {
    child.once('exit', () => {
      live.delete(child);
      res();
    });
    child.once('error', () => {
      live.delete(child);
      res();
    });
  });

  const stderrTail: string[] = [];
  let ready = false;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (!ready) {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
    } else if (line.trim()) {
      onServerLog(line);
    }
  });

  const uri = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => {
      fail(new Error(`offline DB: not ready after ${readyTimeoutMs} ms`));
    }, readyTimeoutMs);
    const fail = (err: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      const tail = stderrTail.join('\n').trim();
      rej(tail ? new Error(`${err.message}\n${tail}`) : err);
    };
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      if (!ready && line.startsWith(READY_PREFIX)) {
        ready = true;
        clearTimeout(timer);
        res(line.slice(READY_PREFIX.length).trim());
      }
      // any other stdout output is ignored (kept out of test output)
    });
    child.once('error', (err) => fail(new Error(`offline DB: cannot start ${bin}: ${err.message}`)));
    child.once('exit', (code, signal) => {
      if (!ready) fail(new Error(`offline DB: server exited before ready (code ${code ?? signal})`));
    });
  });

  // Do not keep the event loop alive just for the server; the exit hook kills it.
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr]) {
    (s as unknown as { unref?: () => void } | null)?.unref?.();
  }

  let stopping: Promise<void> | undefined;
  return {
    uri,
    stop(): Promise<void> {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<boolean>((res) => {
          timer = setTimeout(() => res(true), STOP_GRACE_MS);
        });
        if (await Promise.race([exited.then(() => false), timedOut])) {
          child.kill('SIGKILL');
          await exited;
        }
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
