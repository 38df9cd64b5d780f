/**
 * A small ZIP reader and writer of our own (PKWARE APPNOTE 6.3.10: local headers §4.3.7, central
 * directory §4.3.12, end record §4.3.16), independent of the readers the pipeline uses: the fuzzer
 * breaks one part of an XLSX workbook and puts the workbook back together with it, and the XLSX
 * reader's tests write hand-made workbooks with it.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export function readZipEntries(zip: Buffer): [name: string, data: Buffer][] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no ZIP end record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: [string, Buffer][] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push([name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw)]);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * A ZIP of the entries in the order given: deflated (method 8), or stored as they are (method 0)
 * with `stored`, so tests can build XLSX workbooks part by part, in part orders and with XML that
 * no spreadsheet writer produces. Layout: local file header + data per entry, then the central
 * directory and its end record.
 */
export function writeZip(entries: [name: string, data: Buffer | string][], options: { stored?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = options.stored ? data : deflateRawSync(data);
    // The fields both headers hold (§4.3.7, §4.3.12): version needed, flags, method, time, date, CRC-32, sizes, name length.
    const shared = Buffer.alloc(24);
    shared.writeUInt16LE(20, 0);
    shared.writeUInt16LE(options.stored ? 0 : 8, 4);
    shared.writeUInt32LE(crc32(data), 10);
    shared.writeUInt32LE(packed.length, 14);
    shared.writeUInt32LE(data.length, 18);
    shared.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([uint32(0x04034b50), shared, Buffer.alloc(2)]);
    const central = Buffer.concat([uint32(0x02014b50), Buffer.from([20, 0]), shared, Buffer.alloc(12), uint32(offset)]);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}
