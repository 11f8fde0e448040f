import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Provider } from '../../models/index.js';
import { importProviders } from '../app/importProviders.js';
import { submitIntelligence } from '../app/intelligence.js';
import type { FormKind } from '../core/vocabulary.js';
import { log } from '../log.js';
import { PERSONAS, type PersonaKey } from './personas.js';

// Fictional providers, services and intelligence, so the playground has something to look at.
// They load through the same import and logging code as real data, so they are audited in the same way.

const SAMPLE_CSV = fileURLToPath(new URL('../../data/playground-sample.csv', import.meta.url));

interface SampleItem {
  providerRef: string;
  kind: FormKind;
  by: PersonaKey;
  daysAgo: number;
  fields: Record<string, string>;
}

// Summaries are facts about care, never about a named person. Service user references are made up.
const SAMPLE_INTELLIGENCE: SampleItem[] = [
  { providerRef: 'PG-P002', kind: 'cq1', by: 'social-worker', daysAgo: 3, fields: { service: 'Beech Court', sentiment: 'adverse', themes: 'medication,record-keeping', summary: 'Evening medication was given two hours late on two days. The medication record had gaps.', serviceUserRef: 'PG-1001', urgency: 'urgent' } },
  { providerRef: 'PG-P002', kind: 'intel', by: 'quality-officer', daysAgo: 9, fields: { source: 'safeguarding', sentiment: 'adverse', themes: 'staffing,safeguarding', summary: 'Safeguarding concern raised after a fall at night. Only one member of staff was on shift.', urgency: 'immediate-risk' } },
  { providerRef: 'PG-P002', kind: 'intel', by: 'quality-officer', daysAgo: 21, fields: { source: 'cqc-report', sentiment: 'adverse', themes: 'leadership', summary: 'CQC report published: inadequate in Safe and Well-led.', urgency: 'urgent' } },
  { providerRef: 'PG-P001', kind: 'cq1', by: 'social-worker', daysAgo: 6, fields: { service: 'Acorn House', sentiment: 'adverse', themes: 'nutrition-hydration', summary: 'Drinks were left out of reach in the afternoon. Staff put this right when asked.', serviceUserRef: 'PG-1002', urgency: 'routine' } },
  { providerRef: 'PG-P001', kind: 'feedback', by: 'social-worker', daysAgo: 14, fields: { source: 'compliment', sentiment: 'positive', themes: 'dignity-respect', summary: 'A family said staff were kind and patient during a review visit.', urgency: 'routine' } },
  { providerRef: 'PG-P003', kind: 'feedback', by: 'quality-officer', daysAgo: 12, fields: { source: 'professional-feedback', sentiment: 'positive', themes: 'communication', summary: 'District nurses said the agency reports changes in needs quickly.', urgency: 'routine' } },
  { providerRef: 'PG-P005', kind: 'intel', by: 'quality-officer', daysAgo: 5, fields: { source: 'complaint', sentiment: 'adverse', themes: 'staffing', summary: 'Complaint that agency staff did not know the house routines at weekends.', urgency: 'routine' } },
  { providerRef: 'PG-P007', kind: 'cq1', by: 'social-worker', daysAgo: 2, fields: { service: 'Northfield Home Care', sentiment: 'adverse', themes: 'staffing,communication', summary: 'Three morning calls were missed this week and the office did not tell anyone.', serviceUserRef: 'PG-1003', urgency: 'urgent' } },
];

function isoDaysAgo(days: number, today: Date): string {
  return new Date(today.getTime() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Loads the fictional sample when there are no providers at all, so it never mixes with real data.
 * Returns whether it loaded anything.
 */
export async function loadSampleDataIfEmpty(today = new Date()): Promise<boolean> {
  if (await Provider.exists({})) return false;
  const report = await importProviders(readFileSync(SAMPLE_CSV, 'utf8'));
  if (!report.imported) throw new Error(`The playground sample providers did not import: ${report.fileProblem ?? `${report.rejected.length} rows rejected`}`);

  const providers = await Provider.find({ externalRef: /^PG-/ }, { externalRef: 1 }).lean();
  const idOf = new Map(providers.map((p) => [p.externalRef, String(p._id)]));
  for (const [index, item] of SAMPLE_INTELLIGENCE.entries()) {
    const persona = PERSONAS[item.by];
    const result = await submitIntelligence({
      kind: item.kind,
      formId: `playground-sample-${index + 1}`,
      raw: { provider: idOf.get(item.providerRef), eventDate: isoDaysAgo(item.daysAgo, today), ...item.fields },
      actor: { platform: 'teams', userId: persona.aadObjectId, name: persona.name },
      // Fixed keys: loading twice at once still saves each item once.
      idempotencyKey: `playground:sample:${index + 1}`,
    });
    if (result.status !== 'saved') throw new Error(`Playground sample intelligence ${index + 1} did not save (${result.status})`);
  }
  log.info(`Playground: loaded fictional sample data (${report.providers.added} providers, ${SAMPLE_INTELLIGENCE.length} intelligence items).`);
  return true;
}
