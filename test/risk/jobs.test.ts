import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { Intelligence, RiskState } from '../../models/index.js';
import { JOBS } from '../../jobs/index.js';
import { nightlyRecompute } from '../../jobs/riskJobs.js';
import { startJobs } from '../../src/jobs.js';
import { setRiskConfig } from '../../src/app/risk/index.js';
import { defaultRiskConfig } from '../../src/core/risk/index.js';
import { clearCollections, useDatabase } from '../helpers/database.js';
import { seedProviders } from '../helpers/seed.js';

useDatabase();

beforeEach(async () => {
  await clearCollections();
  setRiskConfig(defaultRiskConfig);
});

describe('jobs', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('the nightly job recomputes every provider', async () => {
    const { oak, river } = await seedProviders();
    await Intelligence.create({
      reference: 'INT-1', idempotencyKey: 'k1', providerId: river._id, source: 'safeguarding', sentiment: 'adverse',
      eventDate: new Date(), summary: 'x', urgency: 'routine', loggedBy: { platform: 'slack', userId: 'U1' },
    });
    await nightlyRecompute();
    expect(await RiskState.countDocuments()).toBe(3);
    const oakState = await RiskState.findOne({ providerId: oak._id }).lean();
    // Oak: CQC requires improvement overall (8 points) x 1.4 for 400 hours a week = 11.2, Amber.
    expect(oakState!.computed).toMatchObject({ score: 11.2, rating: 'Amber' });
    expect((await RiskState.findOne({ providerId: river._id }).lean())!.computed!.score).toBeGreaterThan(2);
  });

  it('agenda starts on our database and schedules the three jobs', async () => {
    const agenda = await startJobs();
    stop = () => agenda.stop();
    const jobs = await mongoose.connection.db!.collection('agendaJobs').find({}, { projection: { name: 1, repeatInterval: 1 } }).toArray();
    expect(jobs.map((j) => j.name).sort()).toEqual(Object.values(JOBS).sort());
  });
});
