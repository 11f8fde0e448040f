import mongoose from 'mongoose';
import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { registerJobs, scheduleJobs } from '../jobs/index.js';
import { log } from './log.js';

/** Starts agenda on the app's own database connection (agenda 6 keeps storage in @agendajs/mongo-backend). */
export async function startJobs(): Promise<Agenda> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('The database must be connected before jobs start');
  const agenda = new Agenda({ backend: new MongoBackend({ mongo: db as never, collection: 'agendaJobs' }), processEvery: '1 minute' });
  agenda.on('error', (error: Error) => log.error('Job scheduler error', error));
  registerJobs(agenda);
  await agenda.start();
  await scheduleJobs(agenda);
  log.info('Jobs: on (nightly Risk Matrix recompute, hourly rating-change check, alert retries)');
  return agenda;
}
