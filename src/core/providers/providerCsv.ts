import { z } from 'zod';
import { CLIENT_GROUPS, CQC_RATINGS, SERVICE_TYPES, SERVICE_TYPE_LABELS, type ClientGroup } from '../vocabulary.js';
import { CsvSyntaxError, parseCsv } from './csv.js';

// Reads a providers-and-services CSV into checked records. Pure: the database checks live in
// src/app/importProviders.ts. One row per service; rows sharing a provider_ref are one provider.

export type CqcRating = (typeof CQC_RATINGS)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const RATING_COLUMNS = {
  cqc_overall: 'overall',
  cqc_safe: 'safe',
  cqc_effective: 'effective',
  cqc_caring: 'caring',
  cqc_responsive: 'responsive',
  cqc_well_led: 'wellLed',
} as const;
export type RatingKey = (typeof RATING_COLUMNS)[keyof typeof RATING_COLUMNS];
type RatingColumn = keyof typeof RATING_COLUMNS;

export const PROVIDER_COLUMNS = [
  'provider_ref',
  'provider_name',
  'client_group',
  'in_area',
  'hours_commissioned',
  'cqc_provider_id',
  ...(Object.keys(RATING_COLUMNS) as RatingColumn[]),
] as const;
export const SERVICE_COLUMNS = ['service_ref', 'service_name', 'service_type', 'cqc_location_id', 'service_postcode'] as const;
export const KNOWN_COLUMNS = [...PROVIDER_COLUMNS, ...SERVICE_COLUMNS] as const;
export type Column = (typeof KNOWN_COLUMNS)[number];
export const REQUIRED_COLUMNS = ['provider_ref', 'provider_name', 'client_group'] as const;

// Column names that suggest data about the people who use services. The import never takes it.
const PERSONAL_DATA_COLUMN = /address|service_?user|resident|patient|person|people|client_name|birth|dob|nhs|national_insurance|ni_number/;

/** Three states: undefined = the column is not in the file (keep what is stored); null = the cell is empty. */
export type Cell<T> = T | null | undefined;

export interface ProviderRecord {
  ref: string;
  /** Rows this provider appears on, first one first. */
  rows: number[];
  name: string;
  clientGroup: ClientGroup;
  inArea: boolean | undefined;
  hoursCommissioned: number | undefined;
  cqcProviderId: Cell<string>;
  ratings: Partial<Record<RatingKey, CqcRating | null>>;
}

export interface ServiceRecord {
  ref: string;
  row: number;
  providerRef: string;
  name: string;
  type: ServiceType;
  cqcLocationId: Cell<string>;
  postcode: Cell<string>;
}

export interface RowRejection {
  row: number;
  reasons: string[];
}

export type ParsedProviderFile =
  | { ok: false; problem: string }
  | { ok: true; rowsRead: number; providers: ProviderRecord[]; services: ServiceRecord[]; rejected: RowRejection[] };

// ---- cells -------------------------------------------------------------------------------

/** Shows what a row had, short enough for one line of the report. */
export function shown(value: string): string {
  const trimmed = value.trim();
  return `"${trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed}"`;
}

const squash = (text: string) => text.trim().toLowerCase().replace(/[’']/g, '').replace(/[-_\s]+/g, ' ');

/** A zod schema for one cell: blank becomes null, anything else goes through `read`, which returns a value or a reason. */
function cell<T>(read: (text: string) => { value: T } | { reason: string }) {
  return z.string().transform((raw, ctx): T | null => {
    const text = raw.trim();
    if (text === '') return null;
    const result = read(text);
    if ('reason' in result) {
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }
    return result.value;
  });
}

// Line breaks inside a quoted name become spaces; other control characters are refused.
const plainText = (column: string, max: number) =>
  cell((text) => {
    const value = text.replace(/\s+/g, ' ');
    // eslint-disable-next-line no-control-regex
    return value.length > max || /[\u0000-\u001f\u007f]/.test(value)
      ? { reason: `${column} must be ${max} characters or fewer, with no special characters.` }
      : { value };
  });

const ref = (column: string) =>
  cell((text) => (text.length > 64 || /[\r\n\t]/.test(text) ? { reason: `${column} must be 64 characters or fewer, on one line.` } : { value: text }));

const clientGroup = cell((text) => {
  const found = CLIENT_GROUPS.find((g) => g === text.toLowerCase());
  return found ? { value: found } : { reason: `client_group must be adults, children or both. This row has ${shown(text)}.` };
});

const yesNo = cell((text) => {
  const answer = text.toLowerCase();
  if (answer === 'yes' || answer === 'y') return { value: true };
  if (answer === 'no' || answer === 'n') return { value: false };
  return { reason: `in_area must be yes or no. This row has ${shown(text)}.` };
});

const hours = cell((text) => {
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(n) && n <= 100_000
    ? { value: n }
    : { reason: `hours_commissioned must be a number of hours a week, 0 or more. This row has ${shown(text)}.` };
});

const cqcId = (column: string) =>
  cell((text) => (/^1-\d{4,15}$/.test(text) ? { value: text } : { reason: `${column} must be a CQC ID like 1-900000001. This row has ${shown(text)}.` }));

const rating = (column: string) =>
  cell((text) => {
    const found = CQC_RATINGS.find((r) => squash(r) === squash(text));
    return found
      ? { value: found }
      : { reason: `${column} must be a CQC rating: Outstanding, Good, Requires improvement, Inadequate or No published rating. This row has ${shown(text)}.` };
  });

const serviceType = cell((text) => {
  const wanted = squash(text);
  const found = SERVICE_TYPES.find((t) => squash(t) === wanted || squash(SERVICE_TYPE_LABELS[t]) === wanted);
  return found
    ? { value: found }
    : { reason: `service_type must be one of: ${SERVICE_TYPES.map((t) => SERVICE_TYPE_LABELS[t]).join(', ')}. This row has ${shown(text)}.` };
});

const postcode = cell((text) => {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  return /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)
    ? { value: `${compact.slice(0, -3)} ${compact.slice(-3)}` }
    : { reason: `service_postcode must be a UK postcode, like ZZ99 1AA. This row has ${shown(text)}.` };
});

/** Every cell of a row, checked. A column missing from the file is simply absent here. */
export const providerRowSchema = z.object({
  provider_ref: ref('provider_ref').optional(),
  provider_name: plainText('provider_name', 200).optional(),
  client_group: clientGroup.optional(),
  in_area: yesNo.optional(),
  hours_commissioned: hours.optional(),
  cqc_provider_id: cqcId('cqc_provider_id').optional(),
  cqc_overall: rating('cqc_overall').optional(),
  cqc_safe: rating('cqc_safe').optional(),
  cqc_effective: rating('cqc_effective').optional(),
  cqc_caring: rating('cqc_caring').optional(),
  cqc_responsive: rating('cqc_responsive').optional(),
  cqc_well_led: rating('cqc_well_led').optional(),
  service_ref: ref('service_ref').optional(),
  service_name: plainText('service_name', 200).optional(),
  service_type: serviceType.optional(),
  cqc_location_id: cqcId('cqc_location_id').optional(),
  service_postcode: postcode.optional(),
});
export type ProviderRow = z.infer<typeof providerRowSchema>;

// ---- header --------------------------------------------------------------------------------

const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function checkHeader(header: string[]): { columns: Column[] } | { problem: string } {
  const names = header.map(normaliseHeader);
  const personal = names.filter((n) => !(KNOWN_COLUMNS as readonly string[]).includes(n) && PERSONAL_DATA_COLUMN.test(n));
  if (personal.length) {
    return {
      problem: `The file has columns that may hold personal data about people who use services: ${list(personal)}. The import takes provider and service details only. Remove these columns and run the import again.`,
    };
  }
  const unknown = names.filter((n) => !(KNOWN_COLUMNS as readonly string[]).includes(n)).map((n) => (n === '' ? '(a column with no name)' : n));
  if (unknown.length) {
    return {
      problem: `The file has columns the import does not know: ${list(unknown)}. Rename or remove them and run the import again. The columns it knows are: ${KNOWN_COLUMNS.join(', ')}.`,
    };
  }
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) return { problem: `The file has the column ${list([...new Set(repeated)])} more than once. Keep one and run the import again.` };
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { problem: `The file has no ${list(missing)} column. Every file needs the columns ${list([...REQUIRED_COLUMNS])}.` };
  return { columns: names as Column[] };
}

// ---- rows ------------------------------------------------------------------------------------

interface CheckedRow {
  row: number;
  values: ProviderRow;
}

function readRows(records: Array<{ row: number; fields: string[] }>, columns: Column[]) {
  const checked: CheckedRow[] = [];
  const rejected: RowRejection[] = [];
  for (const { row, fields } of records) {
    if (fields.every((f) => f.trim() === '')) continue; // blank lines, and the empty rows spreadsheets leave at the end
    if (fields.length > columns.length) {
      rejected.push({
        row,
        reasons: [`This row has ${fields.length} values but the header has ${columns.length} columns. Put any value that contains a comma inside double quotes.`],
      });
      continue;
    }
    const input = Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? '']));
    const parsed = providerRowSchema.safeParse(input);
    if (!parsed.success) {
      rejected.push({ row, reasons: parsed.error.issues.map((issue) => issue.message) });
      continue;
    }
    const reasons = rowShapeProblems(parsed.data);
    if (reasons.length) rejected.push({ row, reasons });
    else checked.push({ row, values: parsed.data });
  }
  return { checked, rejected };
}

function rowShapeProblems(v: ProviderRow): string[] {
  if (!v.provider_ref) return ['Add a provider_ref. Every row needs one.'];
  const serviceDetails = [v.service_name, v.service_type, v.cqc_location_id, v.service_postcode].some((x) => x != null);
  if (!v.service_ref) {
    return serviceDetails ? ['This row has service details but no service_ref. Add a service_ref, or clear the service columns for a row about the provider only.'] : [];
  }
  const reasons: string[] = [];
  if (!v.service_name) reasons.push(`Add a service_name for service ${v.service_ref}.`);
  if (!v.service_type) reasons.push(`Add a service_type for service ${v.service_ref}.`);
  return reasons;
}

// ---- providers: one per provider_ref, details must agree ------------------------------------

const PROVIDER_DETAIL_COLUMNS = PROVIDER_COLUMNS.filter((c) => c !== 'provider_ref');
type DetailColumn = (typeof PROVIDER_DETAIL_COLUMNS)[number];

function display(column: DetailColumn, value: unknown): string {
  if (column === 'in_area') return value ? 'yes' : 'no';
  return `"${String(value)}"`;
}

function groupProviders(checked: CheckedRow[], columns: Column[], rejected: RowRejection[]) {
  const groups = new Map<string, { rows: number[]; values: Partial<Record<DetailColumn, { value: unknown; row: number }>> }>();
  const kept: CheckedRow[] = [];
  for (const row of checked) {
    const providerRef = row.values.provider_ref!;
    const group = groups.get(providerRef) ?? { rows: [], values: {} };
    const conflicts: string[] = [];
    for (const column of PROVIDER_DETAIL_COLUMNS) {
      const value = row.values[column];
      if (value == null) continue; // blank on a later row means "as above"
      const earlier = group.values[column];
      if (earlier && earlier.value !== value) {
        conflicts.push(
          `${column} for ${providerRef} is ${display(column, earlier.value)} on row ${earlier.row} but ${display(column, value)} here. Make the provider details the same on every row for ${providerRef}, or leave them blank after the first.`,
        );
      }
    }
    if (conflicts.length) {
      rejected.push({ row: row.row, reasons: conflicts });
      continue;
    }
    for (const column of PROVIDER_DETAIL_COLUMNS) {
      const value = row.values[column];
      if (value != null && !group.values[column]) group.values[column] = { value, row: row.row };
    }
    group.rows.push(row.row);
    groups.set(providerRef, group);
    kept.push(row);
  }

  const providers: ProviderRecord[] = [];
  for (const [providerRef, { rows, values }] of groups) {
    const missing = (['provider_name', 'client_group'] as const).filter((c) => !values[c]);
    if (missing.length) {
      rejected.push({ row: rows[0]!, reasons: missing.map((c) => `Add a ${c} for ${providerRef}.`) });
      continue;
    }
    const has = (c: Column) => columns.includes(c);
    const get = <T>(c: DetailColumn) => (values[c]?.value ?? null) as T | null;
    providers.push({
      ref: providerRef,
      rows,
      name: get<string>('provider_name')!,
      clientGroup: get<ClientGroup>('client_group')!,
      // An empty in_area means in area; empty hours means none commissioned.
      inArea: has('in_area') ? (get<boolean>('in_area') ?? true) : undefined,
      hoursCommissioned: has('hours_commissioned') ? (get<number>('hours_commissioned') ?? 0) : undefined,
      cqcProviderId: has('cqc_provider_id') ? get<string>('cqc_provider_id') : undefined,
      ratings: Object.fromEntries(
        (Object.entries(RATING_COLUMNS) as Array<[RatingColumn, RatingKey]>).filter(([c]) => has(c)).map(([c, key]) => [key, get<CqcRating>(c)]),
      ),
    });
  }
  return { providers, kept };
}

// ---- services: one row each ---------------------------------------------------------------------

function collectServices(kept: CheckedRow[], columns: Column[], providerRefs: Set<string>, rejected: RowRejection[]): ServiceRecord[] {
  const byRef = new Map<string, ServiceRecord>();
  for (const { row, values } of kept) {
    if (!values.service_ref || !providerRefs.has(values.provider_ref!)) continue;
    const earlier = byRef.get(values.service_ref);
    if (earlier) {
      rejected.push({
        row,
        reasons: [
          earlier.providerRef === values.provider_ref
            ? `service_ref ${values.service_ref} is already on row ${earlier.row}. Put each service on one row only.`
            : `service_ref ${values.service_ref} is already on row ${earlier.row}, under provider ${earlier.providerRef}. A service belongs to one provider: give this one its own service_ref.`,
        ],
      });
      continue;
    }
    byRef.set(values.service_ref, {
      ref: values.service_ref,
      row,
      providerRef: values.provider_ref!,
      name: values.service_name!,
      type: values.service_type!,
      cqcLocationId: columns.includes('cqc_location_id') ? (values.cqc_location_id ?? null) : undefined,
      postcode: columns.includes('service_postcode') ? (values.service_postcode ?? null) : undefined,
    });
  }
  return [...byRef.values()];
}

/** Reads and checks a whole file. A problem with the file as a whole comes back as `problem`; problems with rows as `rejected`. */
export function parseProviderCsv(text: string): ParsedProviderFile {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problem: `The file is not valid CSV. ${error.message}` };
    throw error;
  }
  const [header, ...body] = records;
  if (!header || header.fields.every((f) => f.trim() === '')) {
    return { ok: false, problem: 'The file is empty. The first row must name the columns, starting with provider_ref, provider_name and client_group.' };
  }
  const headerCheck = checkHeader(header.fields);
  if ('problem' in headerCheck) return { ok: false, problem: headerCheck.problem };
  const { columns } = headerCheck;

  const { checked, rejected } = readRows(body, columns);
  const rowsRead = checked.length + rejected.length;
  if (rowsRead === 0) return { ok: false, problem: 'The file has no rows under the header. Add a row for each provider or service and run the import again.' };

  const { providers, kept } = groupProviders(checked, columns, rejected);
  const services = collectServices(kept, columns, new Set(providers.map((p) => p.ref)), rejected);
  rejected.sort((a, b) => a.row - b.row);
  return { ok: true, rowsRead, providers, services, rejected };
}
