import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditEvent, Provider, Service } from '../../models/index.js';
import { describeImport, importProviders } from '../../src/app/importProviders.js';
import { clearCollections, useDatabase } from '../helpers/database.js';

useDatabase();
beforeEach(clearCollections);

const HEADER =
  'provider_ref,provider_name,client_group,in_area,hours_commissioned,cqc_overall,cqc_safe,service_ref,service_name,service_type,service_postcode';
const GOOD = [
  HEADER,
  'P1,Quillbrook Care,adults,yes,400,Good,Good,S1,Quillbrook House,Care home,zz991aa',
  'P1,,,,,,,S2,Quillbrook Lodge,Nursing home,ZZ99 1AB',
  'P2,"Tansyford Homes, Ltd",children,no,0,,,S3,Tansyford Cottage,Children\'s home,',
  'P3,Marrowdene Lodge,adults,yes,12.5,Requires improvement,Inadequate,,,,',
].join('\n');

describe('importing providers from a CSV file', () => {
  it('adds providers and their services, and a second run changes nothing', async () => {
    const first = await importProviders(GOOD);
    expect(first).toEqual({
      imported: true,
      rowsRead: 4,
      providers: { added: 3, updated: 0, unchanged: 0 },
      services: { added: 3, updated: 0, unchanged: 0 },
      rejected: [],
    });
    const tansyford = await Provider.findOne({ externalRef: 'P2' }).lean();
    expect(tansyford).toMatchObject({ name: 'Tansyford Homes, Ltd', nameKey: 'tansyford homes, ltd', clientGroup: 'children', inArea: false, hoursCommissioned: 0 });
    const quillbrook = await Provider.findOne({ externalRef: 'P1' }).lean();
    const services = await Service.find({ providerId: quillbrook!._id }).sort({ externalRef: 1 }).lean();
    expect(services.map((s) => [s.name, s.type, s.clientGroup, s.postcode])).toEqual([
      ['Quillbrook House', 'care-home', 'adults', 'ZZ99 1AA'],
      ['Quillbrook Lodge', 'nursing-home', 'adults', 'ZZ99 1AB'],
    ]);
    expect(await AuditEvent.countDocuments({ action: 'provider.imported', 'actor.userId': 'system' })).toBe(3);
    expect(await AuditEvent.countDocuments({ action: 'service.imported' })).toBe(3);

    const second = await importProviders(GOOD);
    expect(second.providers).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(second.services).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await Provider.countDocuments()).toBe(3);
    expect(await Service.countDocuments()).toBe(3);
    expect(await AuditEvent.countDocuments()).toBe(6);
    expect(describeImport(second, 'providers.csv')).toEqual([
      'Read 4 rows from providers.csv.',
      'Providers: 0 added, 0 updated, 3 unchanged.',
      'Services: 0 added, 0 updated, 3 unchanged.',
      'Import finished.',
    ]);
  });

  it('counts a changed row as updated and records the change in the audit trail', async () => {
    await importProviders(GOOD);
    const changed = GOOD.replace('P3,Marrowdene Lodge,adults,yes,12.5,Requires improvement,Inadequate', 'P3,Marrowdene Lodge,adults,yes,20,Good,')
      .replace('S3,Tansyford Cottage', 'S3,Tansyford Cottage East');
    const report = await importProviders(changed);
    expect(report.providers).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect(report.services).toEqual({ added: 0, updated: 1, unchanged: 2 });

    const marrowdene = await Provider.findOne({ externalRef: 'P3' }).lean();
    expect(marrowdene!.hoursCommissioned).toBe(20);
    expect(marrowdene!.cqcRatings).toEqual({ overall: 'Good' }); // the blank Safe rating is cleared
    const entry = await AuditEvent.findOne({ action: 'provider.imported', entityId: String(marrowdene!._id), before: { $exists: true } }).lean();
    expect(entry!.before).toEqual({ hoursCommissioned: 12.5, cqcRatings: { overall: 'Requires improvement', safe: 'Inadequate' } });
    expect(entry!.after).toEqual({ externalRef: 'P3', hoursCommissioned: 20, cqcRatings: { overall: 'Good', safe: null } });
  });

  it('keeps what is stored for a column the file leaves out', async () => {
    await importProviders(GOOD);
    const report = await importProviders('provider_ref,provider_name,client_group,hours_commissioned\nP3,Marrowdene Lodge,adults,30');
    expect(report.providers).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const marrowdene = await Provider.findOne({ externalRef: 'P3' }).lean();
    expect(marrowdene).toMatchObject({ hoursCommissioned: 30, inArea: true, cqcRatings: { overall: 'Requires improvement', safe: 'Inadequate' } });
  });

  it('imports nothing when one row is bad, and says which rows and why', async () => {
    const bad = [
      GOOD,
      'P4,Hollowmere,elderly,yes,10,,,,,,',
      'P5,Glimmerton,adults,yes,-3,,,,,,',
      'P6,Wrenfold,adults,yes,1,,,S1,Wrenfold Grange,Care home,',
    ].join('\n');
    const report = await importProviders(bad);
    expect(report.imported).toBe(false);
    expect(report.rejected).toEqual([
      { row: 6, reasons: ['client_group must be adults, children or both. This row has "elderly".'] },
      { row: 7, reasons: ['hours_commissioned must be a number of hours a week, 0 or more. This row has "-3".'] },
      { row: 8, reasons: ['service_ref S1 is already on row 2, under provider P1. A service belongs to one provider: give this one its own service_ref.'] },
    ]);
    expect(await Provider.countDocuments()).toBe(0);
    expect(await Service.countDocuments()).toBe(0);
    expect(await AuditEvent.countDocuments()).toBe(0);
    expect(describeImport(report, 'providers.csv')).toEqual([
      'Read 7 rows from providers.csv.',
      '3 rows have problems:',
      '  Row 6: client_group must be adults, children or both. This row has "elderly".',
      '  Row 7: hours_commissioned must be a number of hours a week, 0 or more. This row has "-3".',
      '  Row 8: service_ref S1 is already on row 2, under provider P1. A service belongs to one provider: give this one its own service_ref.',
      'Nothing was imported. Fix the rows above and run the import again.',
    ]);
  });

  it('will not move a stored service to another provider', async () => {
    await importProviders(GOOD);
    const report = await importProviders(`${HEADER}\nP9,Sorrelgate,adults,yes,1,,,S1,Quillbrook House,Care home,`);
    expect(report.imported).toBe(false);
    expect(report.rejected).toEqual([
      { row: 2, reasons: ['Service S1 already belongs to provider P1. An import does not move a service: give this one its own service_ref.'] },
    ]);
    expect(await Provider.countDocuments({ externalRef: 'P9' })).toBe(0);
  });

  it('rejects the whole file when it has columns it does not know', async () => {
    const report = await importProviders(`${HEADER},manager_phone\nP1,Quillbrook Care,adults,yes,1,,,,,,,x`);
    expect(report.imported).toBe(false);
    expect(report.fileProblem).toMatch(/^The file has columns the import does not know: manager_phone\. Rename or remove them/);
    expect(describeImport(report, 'x.csv')).toEqual(['Could not import x.csv.', report.fileProblem, 'Nothing was imported.']);
    expect(await Provider.countDocuments()).toBe(0);
  });

  it('imports the sample file cleanly', async () => {
    const report = await importProviders(readFileSync('data/sample-providers.csv', 'utf8'));
    expect(report).toMatchObject({ imported: true, rejected: [], providers: { added: 12 }, services: { added: 14 } });
    const groups = await Provider.distinct('clientGroup');
    expect(groups.sort()).toEqual(['adults', 'both', 'children']);
  });
});
