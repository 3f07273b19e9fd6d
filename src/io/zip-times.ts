import { open } from 'node:fs/promises';

/**
 * The DOS time every entry of a workbook we write carries: 2000-01-01 00:00. exceljs's zip writer
 * stamps each entry with the clock, so without this two runs on the same inputs a second apart
 * give different bytes. DOS times have no time zone, so the bytes are the same everywhere.
 */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Sets the time of every entry of the zip file `file` (local headers and central directory) in place. */
export async function fixZipTimes(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { end = i; break; }
    if (end < 0) throw new Error('zip: no end of central directory');
    const count = tail.readUInt16LE(end + 10);
    const cdSize = tail.readUInt32LE(end + 12);
    const cdOffset = tail.readUInt32LE(end + 16);
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(DOS_TIME, 0);
    stamp.writeUInt16LE(DOS_DATE, 2);
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (cd.readUInt32LE(at) !== CENTRAL) throw new Error('zip: bad central directory');
      stamp.copy(cd, at + 12);
      const local = cd.readUInt32LE(at + 42);
      const header = Buffer.alloc(4);
      await handle.read(header, 0, 4, local);
      if (header.readUInt32LE(0) !== LOCAL) throw new Error('zip: bad local header');
      await handle.write(stamp, 0, 4, local + 10);
      at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    await handle.write(cd, 0, cdSize, cdOffset);
  } finally {
    await handle.close();
  }
}
