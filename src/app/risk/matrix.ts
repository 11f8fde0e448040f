import { Provider, Restriction, RiskState } from '../../../models/index.js';
import type { FileExportView, RiskMatrixView } from '../../../cards/viewModels.js';
import { RESTRICTION_LABELS } from '../../core/risk/labels.js';
import type { RestrictionKind } from '../../core/risk/index.js';
import { isoDate } from '../views/formatting.js';
import { matrixExportView, riskMatrixView, type MatrixRow } from '../views/riskViews.js';
import { riskConfig } from './settings.js';

// The Risk Matrix list and its CSV. Two plain queries joined in Node (FerretDB v1 has no $lookup);
// a council has a few thousand providers at most.

export interface MatrixFilter {
  group?: 'adults' | 'children' | undefined;
  rating?: string | undefined;
}

interface Row {
  name: string;
  externalRef: string;
  clientGroup: string;
  cqcOverall: string;
  decided?: { rating?: string | null; rationale?: string | null; by?: { name?: string | null; userId?: string | null } | null; at?: Date | null } | null;
  computed?: { rating?: string | null; score?: number | null; drivers?: Array<{ label: string }> | null } | null;
  restrictions: string[];
}

const effectiveRating = (row: Row) => row.decided?.rating ?? row.computed?.rating ?? undefined;

/** The rating as typed ("red") to the name on the scale ("Red"), or undefined if it is not on the scale. */
export function ratingOnScale(word: string): string | undefined {
  return riskConfig().scale.find((r) => r.name.toLowerCase() === word.toLowerCase())?.name;
}

async function rows(filter: MatrixFilter): Promise<Row[]> {
  const query: Record<string, unknown> = filter.group ? { clientGroup: { $in: [filter.group, 'both'] } } : {};
  const [providers, states, restrictions] = await Promise.all([
    Provider.find(query, { name: 1, externalRef: 1, clientGroup: 1, cqcRatings: 1 }).lean(),
    RiskState.find({}, { providerId: 1, decided: 1, computed: 1 }).lean(),
    Restriction.find({ status: 'active' }, { providerId: 1, kind: 1 }).lean(),
  ]);
  const stateBy = new Map(states.map((s) => [String(s.providerId), s]));
  const restrictionsBy = new Map<string, string[]>();
  for (const r of restrictions) {
    const id = String(r.providerId);
    restrictionsBy.set(id, [...(restrictionsBy.get(id) ?? []), RESTRICTION_LABELS[r.kind as RestrictionKind] ?? r.kind]);
  }
  const scale = riskConfig().scale.map((r) => r.name);
  const rank = (row: Row) => {
    const at = scale.indexOf(effectiveRating(row) ?? '');
    return at === -1 ? scale.length : at;
  };
  return providers
    .map((p) => {
      const state = stateBy.get(String(p._id));
      return {
        name: p.name,
        externalRef: p.externalRef,
        clientGroup: p.clientGroup,
        cqcOverall: p.cqcRatings?.overall ?? '',
        decided: state?.decided?.rating ? state.decided : null,
        computed: state?.computed?.rating ? state.computed : null,
        restrictions: restrictionsBy.get(String(p._id)) ?? [],
      } as Row;
    })
    .filter((row) => !filter.rating || effectiveRating(row) === filter.rating)
    .sort((a, b) => rank(a) - rank(b) || (b.computed?.score ?? -1) - (a.computed?.score ?? -1) || a.name.localeCompare(b.name));
}

function title(filter: MatrixFilter): string {
  const group = filter.group === 'adults' ? 'adults' : filter.group === 'children' ? 'children' : 'all providers';
  return `Risk Matrix: ${group}${filter.rating ? `, ${filter.rating}` : ''}`;
}

/** The value the Export button carries, so the export matches what was listed. */
export const exportValue = (filter: MatrixFilter) => [filter.group ?? 'all', filter.rating ?? 'all'].join(':');

export function parseExportValue(value: string): MatrixFilter {
  const [group, rating] = value.split(':');
  return {
    ...(group === 'adults' || group === 'children' ? { group } : {}),
    ...(rating && rating !== 'all' ? { rating: ratingOnScale(rating) ?? rating } : {}),
  };
}

export async function matrixView(filter: MatrixFilter): Promise<RiskMatrixView> {
  const found = await rows(filter);
  const listed: MatrixRow[] = found.map((row) => ({
    name: row.name,
    rating: effectiveRating(row),
    decided: Boolean(row.decided?.rating),
    score: row.computed?.score ?? undefined,
  }));
  return riskMatrixView(title(filter), listed, riskConfig().scale.map((r) => r.name), exportValue(filter));
}

/** A spreadsheet cell: quoted, and never read as a formula (CSV injection). */
function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'Provider',
  'Reference',
  'Client group',
  'Rating',
  'Decided rating',
  'Decided by',
  'Decided on',
  'Rationale',
  'Computed rating',
  'Score',
  'Top drivers',
  'Restrictions',
  'CQC overall',
] as const;

export async function matrixCsv(filter: MatrixFilter): Promise<{ csv: string; count: number }> {
  const found = await rows(filter);
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of found) {
    lines.push(
      [
        row.name,
        row.externalRef,
        row.clientGroup,
        effectiveRating(row) ?? '',
        row.decided?.rating ?? '',
        row.decided?.by?.name ?? row.decided?.by?.userId ?? '',
        row.decided?.at ? isoDate(row.decided.at) : '',
        row.decided?.rationale ?? '',
        row.computed?.rating ?? '',
        row.computed?.score ?? '',
        (row.computed?.drivers ?? []).map((d) => d.label).join('; '),
        row.restrictions.join('; '),
        row.cqcOverall,
      ]
        .map(cell)
        .join(','),
    );
  }
  // CRLF line ends and a byte order mark, so Excel opens it as UTF-8.
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, count: found.length };
}

export async function matrixExport(filter: MatrixFilter, now = new Date()): Promise<FileExportView> {
  const { csv, count } = await matrixCsv(filter);
  const name = `risk-matrix-${filter.group ?? 'all'}${filter.rating ? `-${filter.rating.toLowerCase()}` : ''}-${isoDate(now)}.csv`;
  return matrixExportView(name, count, csv);
}
