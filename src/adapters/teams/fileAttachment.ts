import type { Attachment } from 'botbuilder';
import type { ScreenView } from '../../../cards/viewModels.js';

/**
 * A file travels with the message as an attachment with a data: URI. This is the simplest form that
 * needs no storage: Bot Framework Web Chat (the playground) offers it as a download. Teams itself only
 * shows files from its own storage, so in Teams the bot sends a short-lived download link instead
 * (src/app/downloads.ts), and then attaches nothing.
 */
export function fileAttachments(view: ScreenView): Attachment[] {
  if (view.screen !== 'file-export' || view.download) return [];
  const { name, mimeType, content } = view.file;
  return [{ contentType: mimeType, name, contentUrl: `data:${mimeType};base64,${Buffer.from(content, 'utf8').toString('base64')}` }];
}
