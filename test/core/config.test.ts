import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('turns Slack on only when both secrets are set, and runs Teams in local mode without an app id', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(config).toMatchObject({ slackEnabled: true, teamsLocalMode: true, PORT: 3978 });
    expect(loadConfig({}).slackEnabled).toBe(false);
  });

  it('names the variable and what it expects', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Configuration error: PORT: /);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow('Configuration error: SLACK_BOT_TOKEN: set both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, or neither');
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxp-user' })).toThrow('SLACK_BOT_TOKEN: expected a bot token starting xoxb-');
    expect(() => loadConfig({ BOOTSTRAP_ADMINS: 'slack:U1, bob' })).toThrow(/BOOTSTRAP_ADMINS: expected slack:<user id> or teams:<AAD object id>/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI: expected a mongodb:\/\//);
  });

  it('refuses to run the Teams endpoint unauthenticated in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('Configuration error: MICROSOFT_APP_ID: required in production');
  });

  it('stops start-up with one line naming the variable', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, NODE_ENV: 'production', MICROSOFT_APP_ID: '' } }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim().split('\n').filter((line: string) => !line.includes('npm warn'))).toEqual([
      'Configuration error: MICROSOFT_APP_ID: required in production: the Teams endpoint will not run unauthenticated',
    ]);
  });
});

describe('logging', () => {
  it('keeps quoted values, which may be typed text, out of error lines', async () => {
    const { safeErrorText } = await import('../../src/log.js');
    const error = new Error('E11000 duplicate key error collection: x.intelligences index: summary_1 dup key: { summary: "Mrs Smith fell" }');
    expect(safeErrorText(error)).toBe('E11000 duplicate key error collection: x.intelligences index: summary_1 dup key: {…}');
    expect(safeErrorText(new Error('Validator failed for path `summary` with value `Mr Jones`'))).toBe('Validator failed for path … with value …');
  });
});
