import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import { parseXlsx } from './sheet';
import { checkZipBudget, XLSX_MAX_INFLATED_BYTES } from './zip-budget';

/** A zip of deflated entries, written by hand so a test can make one that lies or explodes. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(1, 24); // the declared size lies: one byte
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, eocd]);
}

describe('checkZipBudget', () => {
  it('passes a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Jobs').addRows([['Company', 'Title'], ['Acme', 'Go developer']]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(() => checkZipBudget(bytes)).not.toThrow();
    await expect(parseXlsx(bytes)).resolves.toMatchObject({ headers: ['Company', 'Title'] });
  });

  it('refuses a zip bomb whose entries declare one byte each, stopping at the budget', () => {
    // 200 MB of zeros deflate to about 200 kB: under the upload cap, far over the budget.
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(() => checkZipBudget(bomb)).toThrow(/more than 25 MB/);
  });

  it('counts the budget across entries', () => {
    const part = Buffer.alloc(Math.ceil(XLSX_MAX_INFLATED_BYTES / 3) + 1);
    expect(() => checkZipBudget(zip([{ name: 'a', data: part }, { name: 'b', data: part }]))).not.toThrow();
    expect(() => checkZipBudget(zip([{ name: 'a', data: part }, { name: 'b', data: part }, { name: 'c', data: part }]))).toThrow(/more than 25 MB/);
  });

  it('answers a clear BadInputError for bytes that are not a zip, or a truncated one', async () => {
    expect(() => checkZipBudget(Buffer.from('PK\u0003\u0004 not really'))).toThrow(BadInputError);
    const cut = zip([{ name: 'a', data: Buffer.from('hello') }]).subarray(0, 40);
    expect(() => checkZipBudget(cut)).toThrow(/could not be read as an Excel workbook/);
    await expect(parseXlsx(zip([{ name: 'x', data: Buffer.alloc(100 * 1024 * 1024) }]))).rejects.toThrow(/more than 25 MB/);
  });
});
