import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRiskConfig, riskConfig, setRiskConfig } from '../../src/app/risk/settings.js';
import { defaultRiskConfig } from '../../src/core/risk/index.js';

const dir = mkdtempSync(join(tmpdir(), 'risk-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

afterEach(() => setRiskConfig(defaultRiskConfig));

describe('RISK_CONFIG_FILE', () => {
  it('uses the defaults when no file is named', () => {
    expect(loadRiskConfig(undefined)).toBe(defaultRiskConfig);
  });

  it('loads a council file and the use-cases see it', () => {
    loadRiskConfig(file('good.json', JSON.stringify({ preset: 'red-amber-yellow-green', alerts: { settleHours: 2 } })));
    expect(riskConfig().scale.map((r) => r.name)).toEqual(['Red', 'Amber', 'Yellow', 'Green']);
    expect(riskConfig().alerts.settleHours).toBe(2);
  });

  it.each([
    ['a wrong type', JSON.stringify({ bands: [{ minScore: 'x', rating: 'Red' }] }), 'RISK_CONFIG: bands.0.minScore: expected number'],
    ['a typo in a key', JSON.stringify({ decay: { halfLifeDay: 30 } }), 'RISK_CONFIG: decay.halfLifeDay: unknown key'],
    ['broken JSON', '{ "preset": ', 'is not valid JSON'],
  ])('stops start-up on %s, naming what to fix', (_what, text, message) => {
    expect(() => loadRiskConfig(file(`bad-${Math.random()}.json`, text))).toThrow(message);
    expect(riskConfig()).toBe(defaultRiskConfig);
  });

  it('says when the file cannot be read', () => {
    expect(() => loadRiskConfig(join(dir, 'missing.json'))).toThrow('RISK_CONFIG_FILE: could not read');
  });
});
