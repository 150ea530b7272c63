/**
 * CSV reading and writing for planners' exchange files. Reading accepts what other planning
 * systems and spreadsheets produce: a UTF-8 BOM, `;` or `,` separators (detected from the header),
 * quoted fields, CRLF. Every error names the line and column (1-based, as a spreadsheet shows).
 */
import Papa from 'papaparse';
import { InputError } from '@planmaat/domain';

export interface CsvRow {
  /** 1-based line number in the file. */
  line: number;
  /** Value by lower-cased header name. */
  values: Map<string, string>;
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  /** Column number (1-based) of a header, for error messages. */
  column(header: string): number;
}

export function parseCsv(text: string, fileName: string): CsvTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = clean.slice(0, clean.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false });
  const problem = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (problem) throw new InputError(problem.message, `${fileName}:${(problem.row ?? 0) + 1}`);
  const records = parsed.data;
  if (records.length === 0 || records[0].every((c) => c.trim() === ''))
    throw new InputError('the file is empty; expected a header line', `${fileName}:1`);
  const headers = records[0].map((h) => h.trim().toLowerCase());
  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i];
    if (record.length === 1 && record[0].trim() === '') continue;
    if (record.length !== headers.length)
      throw new InputError(
        `expected ${headers.length} fields (${headers.join(delimiter)}) but found ${record.length}`,
        `${fileName}:${i + 1}`,
      );
    rows.push({ line: i + 1, values: new Map(headers.map((h, c) => [h, record[c].trim()])) });
  }
  return {
    headers,
    rows,
    column: (header) => headers.indexOf(header) + 1,
  };
}

/** Fail unless every required header is present, naming the ones that are missing. */
export function requireHeaders(table: CsvTable, required: string[], fileName: string): void {
  const missing = required.filter((h) => !table.headers.includes(h));
  if (missing.length)
    throw new InputError(
      `missing column(s) ${missing.join(', ')}; found ${table.headers.join(', ')}`,
      `${fileName}:1`,
    );
}

/** Write rows as RFC 4180 CSV with a header, `,` separated, LF line ends. */
export function writeCsv(headers: string[], rows: Array<Array<string | number | boolean>>): string {
  return Papa.unparse({ fields: headers, data: rows.map((r) => r.map(String)) }, { newline: '\n' }) + '\n';
}
