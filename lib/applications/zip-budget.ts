import { inflateRawSync } from 'node:zlib';
import { BadInputError } from '../errors';

// An .xlsx is a zip: 2 MB on the wire can inflate to gigabytes (a zip bomb), and the sizes the
// archive declares can lie. Before exceljs reads a workbook, every entry is inflated here with
// zlib's hard output cap, so what a stranger uploads costs at most the budget in memory and CPU.

/** Inflated bytes a workbook may hold in all; a 5,000-row sheet is well under 10 MB of XML. */
export const XLSX_MAX_INFLATED_BYTES = 25 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const notAWorkbook = () => new BadInputError('That file could not be read as an Excel workbook (.xlsx).', { file: 'Upload a .xlsx workbook or a .csv file.' });
const tooBig = () =>
  new BadInputError('That workbook unpacks to more than 25 MB; save the sheet alone as .csv or .xlsx and try again.', {
    file: 'The workbook is too large once unpacked.',
  });

/** Throws BadInputError unless the zip's entries inflate, in all, to at most `budget` bytes. */
export function checkZipBudget(bytes: Uint8Array, budget = XLSX_MAX_INFLATED_BYTES): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 kB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAWorkbook();
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let left = budget;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw notAWorkbook();
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;

    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw notAWorkbook();
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const data = buf.subarray(dataStart, Math.min(buf.length, dataStart + compressedSize));
    if (method === STORED) {
      left -= data.length;
    } else if (method === DEFLATED) {
      if (left <= 0) throw tooBig();
      try {
        left -= inflateRawSync(data, { maxOutputLength: left }).length;
      } catch (error) {
        // zlib stops with ERR_BUFFER_TOO_LARGE (a RangeError) the moment the cap is passed.
        if (error instanceof RangeError) throw tooBig();
        throw notAWorkbook();
      }
    } else {
      throw notAWorkbook();
    }
    if (left < 0) throw tooBig();
  }
}
