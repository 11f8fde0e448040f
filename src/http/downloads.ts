import { Router } from 'express';
import { readDownload } from '../app/downloads.js';
import { log } from '../log.js';

/** GET /downloads/:token: a file behind a short-lived secret link, such as a Risk Matrix export for Teams. */
export function downloadsRouter(): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.set('X-Robots-Tag', 'noindex');
    try {
      const file = await readDownload(req.params.token);
      if (!file) {
        res.status(404).type('text/plain').send('This link has run out or is not right. Ask the bot for the export again.');
        return;
      }
      const safeName = file.name.replace(/[^\w.-]+/g, '-');
      res.status(200).type(file.mimeType).set('Content-Disposition', `attachment; filename="${safeName}"`).send(file.content);
    } catch (error) {
      log.error('Could not serve a download', error);
      res.status(503).type('text/plain').send('The file could not be fetched just now. Try the link again in a minute.');
    }
  });
  return router;
}
