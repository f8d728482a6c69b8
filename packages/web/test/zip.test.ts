// The record download's ZIP writer, read back with an independent minimal reader (end of central
// directory → central entries → local headers), checking names, contents and CRC-32.
import { describe, expect, it } from 'vitest';
import { crc32, zipFiles } from '../src/public/zip.ts';

function readZip(bytes: Uint8Array): Map<string, string> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  expect(v.getUint32(eocd, true)).toBe(0x06054b50);
  const count = v.getUint16(eocd + 10, true);
  let at = v.getUint32(eocd + 16, true);
  const out = new Map<string, string>();
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    expect(v.getUint32(at, true)).toBe(0x02014b50);
    const crc = v.getUint32(at + 16, true);
    const size = v.getUint32(at + 20, true);
    const nameLength = v.getUint16(at + 28, true);
    const local = v.getUint32(at + 42, true);
    const name = dec.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(v.getUint32(local, true)).toBe(0x04034b50);
    const dataStart = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, dataStart + size);
    expect(crc32(data)).toBe(crc);
    out.set(name, dec.decode(data));
    at += 46 + nameLength;
  }
  return out;
}

describe('zip', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('stores every file under its path and reads back byte for byte', () => {
    const files = { 'r/manifest.json': '{"a":1}', 'r/ballots/0001.json': 'ñandú ✓', 'r/empty.txt': '' };
    const back = readZip(zipFiles(files));
    expect(Object.fromEntries(back)).toEqual(files);
    expect([...back.keys()]).toEqual(['r/ballots/0001.json', 'r/empty.txt', 'r/manifest.json']);
  });

  it('gives the same bytes for the same record', () => {
    expect(zipFiles({ b: '2', a: '1' })).toEqual(zipFiles(new Map([['a', '1'], ['b', '2']])));
  });
});
