/** Tables as CSV or XLSX bytes, and download responses. */
import ExcelJS from 'exceljs';
import { writeCsv } from '@planmaat/interchange';

export interface ExportTable {
  name: string;
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

export function csvOf(table: ExportTable): string {
  return writeCsv(
    table.headers,
    table.rows.map((r) => r.map((c) => (c === null ? '' : c))),
  );
}

export async function xlsxOf(tables: ExportTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Planmaat';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((c) => (c === null ? '' : c)));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
} as const;

/** A file answer: attachment for CSV/XLSX, inline for the printable HTML report. */
export function fileResponse(kind: keyof typeof TYPES, name: string, body: string | Uint8Array): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': TYPES[kind],
      'content-disposition': `${kind === 'html' ? 'inline' : 'attachment'}; filename="${name}.${kind}"`,
      'cache-control': 'no-store',
    },
  });
}
