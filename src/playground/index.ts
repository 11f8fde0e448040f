import type { AppConfig } from '../config.js';
import { ensurePersonaRoles } from './personas.js';
import { loadSampleDataIfEmpty } from './sampleData.js';

export { createPlaygroundRouter } from './router.js';

export const PLAYGROUND_PATH = '/playground';

/** The playground runs only where Teams runs unauthenticated (local mode), and never in production. */
export function playgroundEnabled(config: Pick<AppConfig, 'teamsLocalMode' | 'NODE_ENV'>): boolean {
  return config.teamsLocalMode && config.NODE_ENV !== 'production';
}

/** At start-up: the personas get their roles, and an empty database gets the fictional sample. */
export async function preparePlayground(): Promise<{ sampleLoaded: boolean }> {
  await ensurePersonaRoles();
  return { sampleLoaded: await loadSampleDataIfEmpty() };
}
