import type { Types } from 'mongoose';
import { recomputeAfterProviderChanges, SCORE_FIELDS } from './risk/hooks.js';
import { Provider, Service } from '../../models/index.js';
import { parseProviderCsv, type ProviderRecord, type RowRejection, type ServiceRecord } from '../core/providers/providerCsv.js';
import { audit } from './audit.js';
import { nameKey } from './providers.js';

// Imports providers and their services from a CSV file.
// Nothing is half-imported: every row is checked first, and one bad row means nothing is written.
// There are no multi-document transactions here, so writes are upserts keyed by externalRef:
// if a run stops part way, running it again finishes the job and changes nothing twice.

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  /** False when anything was rejected: then nothing was written. */
  imported: boolean;
  /** A problem with the whole file (not CSV, unknown columns...). */
  fileProblem?: string;
  rowsRead: number;
  /** What was written: all zero when nothing was imported. */
  providers: ImportCounts;
  services: ImportCounts;
  rejected: RowRejection[];
}

type Update = { $set: Record<string, unknown>; $unset: Record<string, 1> };
type Plan<T> = { record: T; existingId?: Types.ObjectId; update: Update; before: Record<string, unknown>; after: Record<string, unknown> };

const emptyCounts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0 });

/** Builds the update for the fields the file speaks about, and the before/after of those that differ. */
function diff(existing: Record<string, unknown> | undefined, wanted: Record<string, unknown>): Pick<Plan<unknown>, 'update' | 'before' | 'after'> {
  const update: Update = { $set: {}, $unset: {} };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(wanted)) {
    if (value === undefined) continue; // the column is not in the file: keep what is stored
    const current = path.split('.').reduce<unknown>((doc, key) => (doc as Record<string, unknown> | undefined)?.[key], existing);
    if (value === null) update.$unset[path] = 1;
    else update.$set[path] = value;
    const same = value === null ? current == null : String(current) === String(value);
    if (!same) {
      before[path] = current ?? null;
      after[path] = value;
    }
  }
  return { update, before, after };
}

function providerFields(p: ProviderRecord): Record<string, unknown> {
  return {
    name: p.name,
    nameKey: nameKey(p.name),
    clientGroup: p.clientGroup,
    inArea: p.inArea,
    hoursCommissioned: p.hoursCommissioned,
    cqcProviderId: p.cqcProviderId,
    ...Object.fromEntries(Object.entries(p.ratings).map(([key, value]) => [`cqcRatings.${key}`, value])),
  };
}

function serviceFields(s: ServiceRecord, provider: ProviderRecord): Record<string, unknown> {
  return { name: s.name, type: s.type, clientGroup: provider.clientGroup, cqcLocationId: s.cqcLocationId, postcode: s.postcode };
}

const changed = (plan: Plan<unknown>) => !plan.existingId || Object.keys(plan.after).length > 0;

function count(plans: Array<Plan<unknown>>): ImportCounts {
  const counts = emptyCounts();
  for (const plan of plans) {
    if (!plan.existingId) counts.added += 1;
    else if (changed(plan)) counts.updated += 1;
    else counts.unchanged += 1;
  }
  return counts;
}

/** Checks the file against what is stored, then (only if every row is good) writes it. */
export async function importProviders(csvText: string): Promise<ImportReport> {
  const parsed = parseProviderCsv(csvText);
  if (!parsed.ok) {
    return { imported: false, fileProblem: parsed.problem, rowsRead: 0, providers: emptyCounts(), services: emptyCounts(), rejected: [] };
  }
  const rejected = [...parsed.rejected];

  const existingProviders = await Provider.find({ externalRef: { $in: parsed.providers.map((p) => p.ref) } }).lean();
  const providerByRef = new Map(existingProviders.map((p) => [p.externalRef, p]));
  const existingServices = await Service.find({ externalRef: { $in: parsed.services.map((s) => s.ref) } }).lean();
  const owners = await Provider.find({ _id: { $in: existingServices.map((s) => s.providerId) } }, { externalRef: 1 }).lean();
  const ownerRef = new Map(owners.map((o) => [String(o._id), o.externalRef]));
  const serviceByRef = new Map(existingServices.map((s) => [s.externalRef, s]));

  // A service already stored under another provider is not moved by an import.
  const services = parsed.services.filter((s) => {
    const stored = serviceByRef.get(s.ref);
    const storedOwner = stored && ownerRef.get(String(stored.providerId));
    if (!stored || storedOwner === s.providerRef) return true;
    rejected.push({
      row: s.row,
      reasons: [`Service ${s.ref} already belongs to provider ${storedOwner ?? '(a provider that no longer exists)'}. An import does not move a service: give this one its own service_ref.`],
    });
    return false;
  });
  rejected.sort((a, b) => a.row - b.row);
  if (rejected.length) return { imported: false, rowsRead: parsed.rowsRead, providers: emptyCounts(), services: emptyCounts(), rejected };

  const providerPlans: Array<Plan<ProviderRecord>> = parsed.providers.map((record) => {
    const existing = providerByRef.get(record.ref);
    return { record, ...(existing ? { existingId: existing._id } : {}), ...diff(existing, providerFields(record)) };
  });
  const providerRecords = new Map(parsed.providers.map((p) => [p.ref, p]));
  const servicePlans: Array<Plan<ServiceRecord>> = services.map((record) => {
    const existing = serviceByRef.get(record.ref);
    return { record, ...(existing ? { existingId: existing._id } : {}), ...diff(existing, serviceFields(record, providerRecords.get(record.providerRef)!)) };
  });

  const report = { rowsRead: parsed.rowsRead, providers: count(providerPlans), services: count(servicePlans), rejected };

  const providerIds = new Map(existingProviders.map((p) => [p.externalRef, p._id]));
  for (const plan of providerPlans.filter(changed)) {
    const saved = await Provider.findOneAndUpdate({ externalRef: plan.record.ref }, withoutEmpty(plan.update), {
      upsert: true,
      returnDocument: 'after',
      runValidators: true,
    }).lean();
    providerIds.set(plan.record.ref, saved!._id);
    await audit({
      actor: 'system',
      action: 'provider.imported',
      entityType: 'provider',
      entityId: String(saved!._id),
      ...(plan.existingId ? { before: nested(plan.before) } : {}),
      after: { externalRef: plan.record.ref, ...nested(plan.after) },
    });
  }
  // CQC ratings and hours feed the Risk Matrix: providers whose ones changed are recomputed now.
  const rescore = providerPlans.filter((plan) => plan.existingId && Object.keys(plan.after).some((field) => SCORE_FIELDS.test(field)));
  await recomputeAfterProviderChanges(rescore.map((plan) => String(plan.existingId)));
  for (const plan of servicePlans.filter(changed)) {
    const update = withoutEmpty({ ...plan.update, $set: { ...plan.update.$set, providerId: providerIds.get(plan.record.providerRef) } });
    const saved = await Service.findOneAndUpdate({ externalRef: plan.record.ref }, update, {
      upsert: true,
      returnDocument: 'after',
      runValidators: true,
    }).lean();
    await audit({
      actor: 'system',
      action: 'service.imported',
      entityType: 'service',
      entityId: String(saved!._id),
      ...(plan.existingId ? { before: nested(plan.before) } : {}),
      after: { externalRef: plan.record.ref, providerRef: plan.record.providerRef, ...nested(plan.after) },
    });
  }
  return { imported: true, ...report };
}

/** Audit entries hold plain objects: "cqcRatings.safe" becomes { cqcRatings: { safe } }. */
function nested(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let target = out;
    for (const key of keys) target = (target[key] ??= {}) as Record<string, unknown>;
    target[last] = value;
  }
  return out;
}

/** MongoDB refuses an empty $unset. */
function withoutEmpty(update: Update): Partial<Update> {
  return Object.keys(update.$unset).length ? update : { $set: update.$set };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const counts = (c: ImportCounts) => `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`;

/** The report a person reads after an import, one line per item. */
export function describeImport(report: ImportReport, fileName: string): string[] {
  if (report.fileProblem) {
    return [`Could not import ${fileName}.`, report.fileProblem, 'Nothing was imported.'];
  }
  const lines = [`Read ${plural(report.rowsRead, 'row')} from ${fileName}.`];
  if (!report.imported) {
    lines.push(`${plural(report.rejected.length, 'row has', 'rows have')} problems:`);
    for (const { row, reasons } of report.rejected) lines.push(`  Row ${row}: ${reasons.join(' ')}`);
    lines.push('Nothing was imported. Fix the rows above and run the import again.');
    return lines;
  }
  lines.push(`Providers: ${counts(report.providers)}.`, `Services: ${counts(report.services)}.`, 'Import finished.');
  return lines;
}
