import { randomBytes } from 'node:crypto';
import { Download } from '../../models/index.js';
import type { FileExport } from '../../cards/viewModels.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';

export const DOWNLOAD_MINUTES = 15;
export const DOWNLOAD_PATH = '/downloads';

/** Keeps a file for a short while and returns the secret link to it. */
export async function createDownloadLink(actor: Actor, file: FileExport, publicUrl: string, now = new Date()): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await Download.create({
    _id: token,
    ...file,
    createdBy: { platform: actor.platform, userId: actor.userId },
    expiresAt: new Date(now.getTime() + DOWNLOAD_MINUTES * 60_000),
  });
  await audit({ actor, action: 'file.link-created', entityType: 'download', entityId: token.slice(0, 8), after: { name: file.name } });
  return `${publicUrl.replace(/\/$/, '')}${DOWNLOAD_PATH}/${token}`;
}

/** The file behind a link, while the link lasts. Expired files are removed when asked for. */
export async function readDownload(token: string, now = new Date()): Promise<FileExport | undefined> {
  if (!/^[\w-]{32}$/.test(token)) return undefined;
  const download = await Download.findById(token).lean();
  if (!download) return undefined;
  if (download.expiresAt <= now) {
    await Download.deleteOne({ _id: token });
    return undefined;
  }
  await audit({ actor: { platform: download.createdBy!.platform, userId: download.createdBy!.userId }, action: 'file.downloaded', entityType: 'download', entityId: token.slice(0, 8), after: { name: download.name } });
  return { name: download.name, mimeType: download.mimeType, content: download.content };
}

/** Removes files whose links have run out (the offline database has no TTL indexes). */
export async function removeExpiredDownloads(now = new Date()): Promise<number> {
  return (await Download.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
}
