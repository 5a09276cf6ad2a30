/**
 * The total uncompressed size an XLSX (a ZIP) declares in its central directory, or undefined when the directory
 * cannot be read. A few kilobytes of deflated zeros can declare gigabytes; this lets the import refuse such a file
 * before exceljs inflates it (a lie in the directory makes the ZIP itself fail to unpack, so reading it is enough).
 */
export function declaredUnpackedSize(zip: Buffer): number | undefined {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  // The end record is 22 bytes plus a comment of at most 65535.
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) return undefined;
    const uncompressed = zip.readUInt32LE(offset + 24);
    // 0xffffffff means the size is in a ZIP64 extra field: far beyond anything a referral table needs.
    if (uncompressed === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += uncompressed;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}
