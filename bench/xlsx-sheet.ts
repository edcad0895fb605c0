/**
 * The SHA-256 of an .xlsx file's first worksheet XML, read from the zip as it is stored — so two
 * files are compared cell for cell without loading 231,679 rows (exceljs's streaming reader
 * garbles characters split across its chunks, and its whole-file reader would hold them all).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';

const SHEET = 'xl/worksheets/sheet1.xml';

/** Where the sheet's compressed bytes are: the central directory's entry, then its local header. */
async function sheetEntry(file: string): Promise<{ start: number; size: number; method: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    // The end-of-central-directory record is within the last 64 KiB (its comment is at most that).
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${file}: not a zip`);
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    for (let at = 0, i = 0; i < entries; i++) {
      const method = dir.readUInt16LE(at + 10);
      const compressed = dir.readUInt32LE(at + 20);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const local = dir.readUInt32LE(at + 42);
      const name = dir.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
      if (name === SHEET) {
        const header = Buffer.alloc(30);
        await handle.read(header, 0, 30, local);
        return { start: local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), size: compressed, method };
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    throw new Error(`${file}: no ${SHEET}`);
  } finally {
    await handle.close();
  }
}

export async function sheetDigest(file: string): Promise<string> {
  const { start, size, method } = await sheetEntry(file);
  const hash = createHash('sha256');
  const source = createReadStream(file, { start, end: start + size - 1 });
  const update = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) hash.update(chunk);
  };
  if (method === 8) await pipeline(source, createInflateRaw(), update);
  else await pipeline(source, update);
  return hash.digest('hex');
}
