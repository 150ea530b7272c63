/** Named tables written as CSV (one table), XLSX (one sheet per table) or JSON, by file extension. */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { writeCsv } from '@planmaat/interchange';
import { CliExit } from './cli-exit.ts';

export type Cell = string | number | boolean | null;
export interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export function exportKind(file: string): 'csv' | 'xlsx' | 'json' | 'html' {
  const ext = file.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'xlsx' || ext === 'json' || ext === 'html') return ext;
  throw new CliExit(2, `--out "${file}": use a .csv, .xlsx, .json or .html file name`);
}

/** CSV takes the first table (`--table` picks another by name); XLSX gets every table. */
export async function writeTables(
  file: string,
  tables: Table[],
  json: unknown,
  tableName?: string,
): Promise<void> {
  const kind = exportKind(file);
  if (kind === 'json') return writeFile(file, JSON.stringify(json, null, 2) + '\n');
  if (kind === 'csv') {
    const table = tableName ? tables.find((t) => t.name === tableName) : tables[0];
    if (!table)
      throw new CliExit(2, `--table "${tableName}": choose one of ${tables.map((t) => t.name).join(', ')}`);
    return writeFile(
      file,
      writeCsv(
        table.headers,
        table.rows.map((r) => r.map((c) => (c === null ? '' : c))),
      ),
    );
  }
  if (kind === 'html') throw new CliExit(2, 'this command writes no HTML; use .csv, .xlsx or .json');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Planmaat';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((c) => (c === null ? '' : c)));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach(
      (column, i) => (column.width = Math.min(40, Math.max(10, table.headers[i].length + 2))),
    );
  }
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export const PRINT_CSS = `
  body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5cm; color: #222; }
  h1 { font-size: 18pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
  table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 9.5pt; }
  th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  .muted { color: #666; font-size: 9pt; } .box { border: 1px solid #999; min-height: 2.2em; margin: .3em 0; }
  @media print { body { margin: 1cm; } h2 { break-after: avoid; } section { break-inside: avoid; } }
`;
