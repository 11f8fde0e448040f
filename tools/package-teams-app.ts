// Builds the Teams app package: dist/teams-app.zip with manifest.json, color.png and outline.png
// at its root, ready to upload in the Teams admin centre or to sideload.
//   MICROSOFT_APP_ID=<bot app id> PUBLIC_URL=https://bot.example.gov.uk npm run package:teams [-- --out <path>]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { z } from 'zod';

const TEAMS_DIR = fileURLToPath(new URL('../manifest/teams/', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));
export const DEFAULT_OUT = fileURLToPath(new URL('../dist/teams-app.zip', import.meta.url));

const guid = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected the app ID from the Azure Bot, like 00000000-0000-0000-0000-000000000000');
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// address' });

const envSchema = z.object({
  MICROSOFT_APP_ID: guid,
  // Teams needs its own app ID to be a GUID; the bot's app ID serves unless you set another.
  TEAMS_APP_ID: guid.optional(),
  PUBLIC_URL: httpsUrl.optional(),
  COUNCIL_NAME: z.string().trim().min(1).max(32, 'expected 32 characters or fewer (Teams shows it as the developer name)').default('Council'),
  TEAMS_WEBSITE_URL: httpsUrl.optional(),
  TEAMS_PRIVACY_URL: httpsUrl.optional(),
  TEAMS_TERMS_URL: httpsUrl.optional(),
});

export class PackageError extends Error {}

/** The values that fill the manifest's ${NAME} placeholders. Throws a PackageError naming the variable. */
export function readSettings(source: NodeJS.ProcessEnv) {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const message = cleaned[variable] === undefined ? 'is not set' : issue.message;
    throw new PackageError(`${variable}: ${message}`);
  }
  const env = parsed.data;
  const website = env.TEAMS_WEBSITE_URL ?? env.PUBLIC_URL;
  if (!website) {
    throw new PackageError('PUBLIC_URL: is not set. Teams needs a website address for the app: set PUBLIC_URL (or TEAMS_WEBSITE_URL).');
  }
  const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  return {
    placeholders: {
      MICROSOFT_APP_ID: env.MICROSOFT_APP_ID,
      TEAMS_APP_ID: env.TEAMS_APP_ID ?? env.MICROSOFT_APP_ID,
      VERSION: version,
      DEVELOPER_NAME: env.COUNCIL_NAME,
      WEBSITE_URL: website,
      PRIVACY_URL: env.TEAMS_PRIVACY_URL ?? website,
      TERMS_URL: env.TEAMS_TERMS_URL ?? website,
    } as Record<string, string>,
    validDomains: env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).hostname] : [],
  };
}

/** Replaces every ${NAME} in the template's strings. A placeholder with no value is a mistake, so it throws. */
export function fillManifest(template: unknown, settings: ReturnType<typeof readSettings>): Record<string, unknown> {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\$\{(\w+)\}/g, (_, name: string) => {
        const filled = settings.placeholders[name];
        if (filled === undefined) throw new PackageError(`The Teams manifest has a placeholder \${${name}} that nothing fills.`);
        return filled;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  const manifest = fill(template) as Record<string, unknown>;
  manifest.validDomains = settings.validDomains;
  return manifest;
}

/** A minimal zip writer (deflate, fixed 1980 timestamps so the same input gives the same file). */
export function zipEntries(entries: { name: string; data: Buffer }[]): Buffer {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    local.copy(central, 6, 4, 28); // version needed .. file name length are the same fields
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function packageTeamsApp(env: NodeJS.ProcessEnv, outPath: string = DEFAULT_OUT): string {
  const settings = readSettings(env);
  const template: unknown = JSON.parse(readFileSync(resolve(TEAMS_DIR, 'manifest.json'), 'utf8'));
  const manifest = fillManifest(template, settings);
  const zip = zipEntries([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: readFileSync(resolve(TEAMS_DIR, 'color.png')) },
    { name: 'outline.png', data: readFileSync(resolve(TEAMS_DIR, 'outline.png')) },
  ]);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, zip);
  return outPath;
}

function main(): void {
  // Settings can live in .env, as for the bot itself; what is already set in the environment wins.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const outFlag = process.argv.indexOf('--out');
  const outPath = outFlag >= 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]!) : DEFAULT_OUT;
  try {
    const written = packageTeamsApp(process.env, outPath);
    console.log(`Wrote ${written}. Upload it in the Teams admin centre, or sideload it in Teams.`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`Could not build the Teams app package. ${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
