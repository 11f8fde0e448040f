import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';

// Debian's Chromium, driven by playwright-core. One launch per test file, each with a fresh profile.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * describe() when Chromium is installed. Without it: skipped with a clear message on a laptop,
 * but a failure in CI (CI=true), so a missing browser never passes silently.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    // A browser on a busy 2-core CI machine is slower than the default 30 seconds allows for.
    describe(name, { timeout: 90_000 }, body);
    return;
  }
  const message = `Chromium is not installed at ${CHROMIUM_PATH}, so the browser tests cannot run. Install it with: ${INSTALL_HINT}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(message);
      });
    });
  } else {
    console.warn(`Skipping "${name}": ${message}`);
    describe.skip(name, body);
  }
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Requests the page tried to make to anywhere but this machine (each one was blocked). */
  outsideRequests: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile. Every request off this machine is blocked and recorded. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'pq-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const outsideRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || ['data:', 'blob:', 'about:'].includes(url.protocol);
    if (local) return route.continue();
    outsideRequests.push(url.origin);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    outsideRequests,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
