import { readFileSync } from 'node:fs';
import { defaultRiskConfig, parseRiskConfig, type RiskConfig } from '../../core/risk/index.js';

// The council's Risk Matrix settings, read once at start-up (RISK_CONFIG_FILE) and shared by the use-cases.

let current: RiskConfig = defaultRiskConfig;

export class RiskConfigError extends Error {}

/**
 * Reads and checks the settings file. With no file the defaults apply. A bad file throws a
 * RiskConfigError whose message names the setting, e.g. "RISK_CONFIG: bands.1.minScore: expected number".
 */
export function loadRiskConfig(file: string | undefined): RiskConfig {
  if (!file) return (current = defaultRiskConfig);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RiskConfigError(`RISK_CONFIG_FILE: could not read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new RiskConfigError(`RISK_CONFIG_FILE: ${file} is not valid JSON (${(error as Error).message})`);
  }
  try {
    current = parseRiskConfig(json);
  } catch (error) {
    throw new RiskConfigError((error as Error).message);
  }
  return current;
}

export function riskConfig(): RiskConfig {
  return current;
}

/** Tests and tools: use these settings from now on. */
export function setRiskConfig(config: RiskConfig): void {
  current = config;
}
