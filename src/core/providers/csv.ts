// A small RFC 4180 CSV reader: quoted fields, doubled quotes, commas and line breaks inside quotes,
// CRLF or LF line endings, and a leading byte-order mark (Excel adds one when saving "CSV UTF-8").

export interface CsvRecord {
  /** 1-based record number, as a spreadsheet numbers its rows (a quoted line break stays in one row). */
  row: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {}

export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedRowStart = 0;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ row: records.length + 1, fields });
    fields = [];
  };

  while (i < source.length) {
    const ch = source[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = source[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError(
            `Row ${records.length + 1} has text straight after a closing quote. Put the whole value inside the quotes, and write a quote inside a value as two quotes ("").`,
          );
        }
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quotedRowStart = records.length + 1;
      i += 1;
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (inQuotes) {
    throw new CsvSyntaxError(`Row ${quotedRowStart} has a quote that is never closed. Add the closing quote (") and save the file again.`);
  }
  // A final line break does not start another row.
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
