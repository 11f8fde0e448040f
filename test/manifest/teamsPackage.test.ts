import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageTeamsApp } from '../../tools/package-teams-app.js';
import { readPng, readZip } from './zipAndPng.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const APP_ID = '0b7e2f4c-5d1a-4e8b-9c3f-2a6d8e1f4b70';
const baseEnv = { MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'https://bot.example.gov.uk', COUNCIL_NAME: 'Example Council' };

function outPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'teams-app-')), 'teams-app.zip');
}

describe('npm run package:teams', () => {
  it('writes a zip with the manifest and both icons at its root, with the bot ID filled in', async () => {
    const out = outPath();
    // Run the real script, from an empty folder so a developer's .env plays no part.
    const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'tools/package-teams-app.ts'), '--out', out], {
      cwd: mkdtempSync(join(tmpdir(), 'teams-cwd-')),
      env: { PATH: process.env.PATH, ...baseEnv },
    });
    expect(stdout).toContain('Upload it in the Teams admin centre');

    const files = readZip(readFileSync(out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.composeExtensions[0].botId).toBe(APP_ID);
    expect(manifest.developer).toEqual({
      name: 'Example Council',
      websiteUrl: 'https://bot.example.gov.uk',
      privacyUrl: 'https://bot.example.gov.uk',
      termsOfUseUrl: 'https://bot.example.gov.uk',
    });
    expect(manifest.validDomains).toEqual(['bot.example.gov.uk']);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.stringify(manifest)).not.toContain('${');

    const color = readPng(files.get('color.png')!);
    const outline = readPng(files.get('outline.png')!);
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
  });

  it('uses a separate Teams app ID and policy links when they are given', () => {
    const out = packageTeamsApp(
      {
        ...baseEnv,
        TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
        TEAMS_PRIVACY_URL: 'https://www.example.gov.uk/privacy',
        TEAMS_TERMS_URL: 'https://www.example.gov.uk/terms',
      },
      outPath(),
    );
    const manifest = JSON.parse(readZip(readFileSync(out)).get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.developer.privacyUrl).toBe('https://www.example.gov.uk/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://www.example.gov.uk/terms');
  });

  it('gives the same zip for the same settings', () => {
    const first = readFileSync(packageTeamsApp(baseEnv, outPath()));
    const second = readFileSync(packageTeamsApp(baseEnv, outPath()));
    expect(first.equals(second)).toBe(true);
  });

  it('says which setting is missing or wrong, and writes nothing', async () => {
    expect(() => packageTeamsApp({ PUBLIC_URL: 'https://bot.example.gov.uk' }, outPath())).toThrow('MICROSOFT_APP_ID: is not set');
    expect(() => packageTeamsApp({ ...baseEnv, MICROSOFT_APP_ID: 'my-bot' }, outPath())).toThrow(/MICROSOFT_APP_ID: expected the app ID/);
    expect(() => packageTeamsApp({ ...baseEnv, PUBLIC_URL: 'http://bot.example.gov.uk' }, outPath())).toThrow('PUBLIC_URL: expected an https:// address');
    expect(() => packageTeamsApp({ MICROSOFT_APP_ID: APP_ID }, outPath())).toThrow(/set PUBLIC_URL/);

    const out = outPath();
    const failed = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'tools/package-teams-app.ts'), '--out', out], {
      cwd: mkdtempSync(join(tmpdir(), 'teams-cwd-')),
      env: { PATH: process.env.PATH },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('Could not build the Teams app package. MICROSOFT_APP_ID: is not set') });
    expect(() => readFileSync(out)).toThrow();
  });
});
