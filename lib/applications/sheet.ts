import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { BadInputError } from '../errors';
import { checkZipBudget } from './zip-budget';

// A spreadsheet as a header row and data rows of text, from a CSV or an .xlsx workbook (first
// sheet, or the one the user picked). The size and row caps are checked here, before any row
// is read as an application.

export const SHEET_MAX_BYTES = 2 * 1024 * 1024;
export const SHEET_MAX_ROWS = 5000;
const MAX_COLUMNS = 200;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file is over the size cap (HTTP 413). */
export class CsvTooLargeError extends BadInputError {
  constructor() {
    super(`The file is too large: the limit is ${SHEET_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`, {
      file: `At most ${SHEET_MAX_BYTES / 1024 / 1024} MB.`,
    });
    this.name = 'CsvTooLargeError';
  }
}

export type SheetFile = { kind: 'csv'; text: string } | { kind: 'xlsx'; bytes: Uint8Array; sheet?: string | null };

export interface SheetTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
  /** Workbooks: every sheet's name, and the one read. */
  sheets: string[];
  sheet: string | null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** An upload's bytes as a sheet file: a zip (xlsx) by its magic number, else UTF-8 text. */
export function sheetFileFromBytes(bytes: Uint8Array, sheet?: string | null): SheetFile {
  if (bytes.length > SHEET_MAX_BYTES) throw new CsvTooLargeError();
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return { kind: 'xlsx', bytes, sheet };
  return { kind: 'csv', text: new TextDecoder().decode(bytes) };
}

function table(grid: string[][], sheets: string[], sheet: string | null): SheetTable {
  const firstFilled = grid.findIndex((r) => r.some((c) => c.trim() !== ''));
  const [header, ...data] = firstFilled < 0 ? [] : grid.slice(firstFilled);
  if (!header || header.every((h) => h.trim() === '')) {
    throw new BadInputError('The file is empty: it needs a header row and one row per application.', { file: 'The file is empty.' });
  }
  const rows = data.map((cells, i) => ({ line: firstFilled + i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length > SHEET_MAX_ROWS) {
    throw new BadInputError(`The file has ${rows.length} rows; import at most ${SHEET_MAX_ROWS} at a time.`, { file: `At most ${SHEET_MAX_ROWS} rows.` });
  }
  return { headers: header.slice(0, MAX_COLUMNS).map((h) => h.trim()), rows, sheets, sheet };
}

/** CSV text as a table. BadInputError for an empty, binary or unreadable file. */
export function parseCsvText(text: string): SheetTable {
  if (Buffer.byteLength(text) > SHEET_MAX_BYTES) throw new CsvTooLargeError();
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.includes('\u0000')) throw new BadInputError('That is not a CSV text file.', { file: 'Upload a .csv or .xlsx file exported from a spreadsheet.' });
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: false });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw new BadInputError(`Row ${row}: a quoted cell is never closed.`, { file: `Row ${row}: a quoted cell is never closed.` });
  }
  // Line numbers as a spreadsheet shows them: the header is row 1.
  return table(result.data, [], null);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell of a workbook as the text a CSV export of it would hold. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs hands dates over as the sheet's wall clock read as UTC.
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '';
    return date + time;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) {
    // A link cell labelled "Apply" means its address; a titled one ("Acme") means its text.
    const text = typeof value.text === 'string' ? value.text : cellText(value.text);
    return text.trim() === '' || /^(apply|link|here|open|view|posting|job|url)$/i.test(text.trim()) ? value.hyperlink : text;
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('error' in value) return '';
  return '';
}

/** An .xlsx workbook as a table: the named sheet, else the first one. */
export async function parseXlsx(bytes: Uint8Array, sheetName?: string | null): Promise<SheetTable> {
  if (bytes.length > SHEET_MAX_BYTES) throw new CsvTooLargeError();
  checkZipBudget(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new BadInputError('That file could not be read as an Excel workbook (.xlsx).', { file: 'Upload a .xlsx workbook or a .csv file.' });
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = sheetName ? workbook.worksheets.find((w) => w.name === sheetName) : workbook.worksheets[0];
  if (!worksheet) {
    if (sheetName) throw new BadInputError(`The workbook has no sheet "${sheetName}" (it has: ${sheets.join(', ')}).`, { sheet: `Pick one of: ${sheets.join(', ')}.` });
    throw new BadInputError('The workbook has no sheets.', { file: 'The workbook is empty.' });
  }
  if (worksheet.actualRowCount > SHEET_MAX_ROWS + 1) {
    throw new BadInputError(`The sheet has ${worksheet.actualRowCount - 1} rows; import at most ${SHEET_MAX_ROWS} at a time.`, { file: `At most ${SHEET_MAX_ROWS} rows.` });
  }
  const width = Math.min(worksheet.columnCount, MAX_COLUMNS);
  const grid: string[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return table(grid, sheets, worksheet.name);
}

/** Either kind of file as a table. */
export async function readSheet(file: SheetFile): Promise<SheetTable> {
  return file.kind === 'csv' ? parseCsvText(file.text) : parseXlsx(file.bytes, file.sheet);
}
