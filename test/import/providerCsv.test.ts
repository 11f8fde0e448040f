import { describe, expect, it } from 'vitest';
import { parseProviderCsv } from '../../src/core/providers/providerCsv.js';

const HEADER = 'provider_ref,provider_name,client_group,hours_commissioned,cqc_safe,service_ref,service_name,service_type';

function parseOk(text: string) {
  const parsed = parseProviderCsv(text);
  if (!parsed.ok) throw new Error(`expected the file to parse: ${parsed.problem}`);
  return parsed;
}

describe('reading a providers CSV', () => {
  it('keeps commas, quotes and line breaks that are inside quotes, with CRLF endings and a byte-order mark', () => {
    const text = `\uFEFF${HEADER}\r\n"P1","Oakfield Care, Ltd",adults,40,good,S1,"The ""Annexe""\r\nwing",care home\r\n`;
    const parsed = parseOk(text);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.providers[0]).toMatchObject({ ref: 'P1', name: 'Oakfield Care, Ltd', hoursCommissioned: 40, ratings: { safe: 'Good' } });
    expect(parsed.services[0]).toMatchObject({ ref: 'S1', name: 'The "Annexe" wing', type: 'care-home', providerRef: 'P1' });
  });

  it('numbers rows as a spreadsheet does, so a bad row can be found', () => {
    const text = [HEADER, 'P1,Oak,adults,40,Good,S1,"Two\nlines",Care home', '', 'P2,Elm,elderly,10,,,,'].join('\n');
    const parsed = parseOk(text);
    expect(parsed.rejected).toEqual([{ row: 4, reasons: ['client_group must be adults, children or both. This row has "elderly".'] }]);
  });

  it('gives every problem on a row', () => {
    const parsed = parseOk(`${HEADER}\nP1,Oak,adults,-3,Poor,,,`);
    expect(parsed.rejected[0]!.row).toBe(2);
    expect(parsed.rejected[0]!.reasons).toEqual([
      'hours_commissioned must be a number of hours a week, 0 or more. This row has "-3".',
      'cqc_safe must be a CQC rating: Outstanding, Good, Requires improvement, Inadequate or No published rating. This row has "Poor".',
    ]);
  });

  it('accepts service types by label or key, and CQC ratings in any case', () => {
    const parsed = parseOk(`${HEADER}\nP1,Oak,adults,1,REQUIRES IMPROVEMENT,S1,Oak,Home care agency\nP1,,,,,S2,Oak 2,childrens-home\nP1,,,,,S3,Oak 3,Children’s home`);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.providers[0]!.ratings.safe).toBe('Requires improvement');
    expect(parsed.services.map((s) => s.type)).toEqual(['domiciliary-care', 'childrens-home', 'childrens-home']);
  });

  it('lets later rows for a provider leave its details blank, but rejects rows that disagree', () => {
    const parsed = parseOk(`${HEADER}\nP1,Oak,adults,40,,S1,Oak,Care home\nP1,,,,,S2,Oak 2,Care home\nP1,Oak,children,40,,S3,Oak 3,Care home`);
    expect(parsed.services.map((s) => s.ref)).toEqual(['S1', 'S2']);
    expect(parsed.rejected).toEqual([
      {
        row: 4,
        reasons: ['client_group for P1 is "adults" on row 2 but "children" here. Make the provider details the same on every row for P1, or leave them blank after the first.'],
      },
    ]);
  });

  it('rejects a service_ref used twice, naming the first row', () => {
    const parsed = parseOk(`${HEADER}\nP1,Oak,adults,1,,S1,Oak,Care home\nP2,Elm,adults,1,,S1,Elm,Care home`);
    expect(parsed.rejected).toEqual([
      { row: 3, reasons: ['service_ref S1 is already on row 2, under provider P1. A service belongs to one provider: give this one its own service_ref.'] },
    ]);
  });

  it('asks for what a row is missing', () => {
    const parsed = parseOk(`${HEADER}\n,Oak,adults,1,,,,\nP2,,adults,1,,,,\nP3,Ash,adults,1,,S3,,\nP4,Elm,adults,1,,,Elm,`);
    expect(parsed.rejected).toEqual([
      { row: 2, reasons: ['Add a provider_ref. Every row needs one.'] },
      { row: 3, reasons: ['Add a provider_name for P2.'] },
      { row: 4, reasons: ['Add a service_name for service S3.', 'Add a service_type for service S3.'] },
      { row: 5, reasons: ['This row has service details but no service_ref. Add a service_ref, or clear the service columns for a row about the provider only.'] },
    ]);
  });

  it('rejects a row with more values than columns', () => {
    const parsed = parseOk(`provider_ref,provider_name,client_group\nP1,Oak, Ltd,adults`);
    expect(parsed.rejected[0]!.reasons[0]).toMatch(/^This row has 4 values but the header has 3 columns\./);
  });

  it('rejects the whole file when it has columns it does not know, listing them', () => {
    const parsed = parseProviderCsv('provider_ref,provider_name,client_group,Manager,region\nP1,Oak,adults,x,y');
    expect(parsed).toEqual({ ok: false, problem: expect.stringContaining('columns the import does not know: manager and region.') });
  });

  it('refuses columns that look like personal data about people', () => {
    const parsed = parseProviderCsv('provider_ref,provider_name,client_group,Service user address\nP1,Oak,adults,x');
    expect(parsed).toEqual({ ok: false, problem: expect.stringContaining('may hold personal data about people who use services: service_user_address.') });
  });

  it('explains a quote that is never closed', () => {
    const parsed = parseProviderCsv(`${HEADER}\nP1,"Oak,adults`);
    expect(parsed).toEqual({ ok: false, problem: expect.stringContaining('Row 2 has a quote that is never closed.') });
  });

  it('needs the provider_ref, provider_name and client_group columns', () => {
    const parsed = parseProviderCsv('provider_ref,provider_name\nP1,Oak');
    expect(parsed).toEqual({ ok: false, problem: 'The file has no client_group column. Every file needs the columns provider_ref, provider_name and client_group.' });
  });
});
