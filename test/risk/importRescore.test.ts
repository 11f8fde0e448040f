import { beforeEach, describe, expect, it } from 'vitest';
import { Provider, RiskState } from '../../models/index.js';
import { importProviders } from '../../src/app/importProviders.js';
import { recomputeProvider } from '../../src/app/risk/index.js';
import { clearCollections, useDatabase } from '../helpers/database.js';

useDatabase();
beforeEach(clearCollections);

const HEADER = 'provider_ref,provider_name,client_group,hours_commissioned,cqc_overall,cqc_safe';

describe('a CQC rating changed by an import', () => {
  it('recomputes that provider’s Risk Matrix score at once', async () => {
    await importProviders(`${HEADER}\nP1,Quillbrook Care,adults,100,Good,Good`);
    const provider = await Provider.findOne({ externalRef: 'P1' }).lean();
    await recomputeProvider(provider!._id);
    const before = (await RiskState.findById(provider!._id).lean())!.computed!.score!;

    const report = await importProviders(`${HEADER}\nP1,Quillbrook Care,adults,100,Inadequate,Inadequate`);
    expect(report.providers.updated).toBe(1);
    const after = (await RiskState.findById(provider!._id).lean())!.computed!.score!;
    expect(after).toBeGreaterThan(before);
  });
});
