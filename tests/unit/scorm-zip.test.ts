import { afterEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { compareZipPaths, createDeterministicZip, readZip, type ZipEntry } from '../../scorm/zip.ts';

const encode = (text: string) => new TextEncoder().encode(text);

const entries: ZipEntry[] = [
  { path: 'index.html', data: encode('<!doctype html>home') },
  { path: '_astro/app.js', data: encode('console.log(1)') },
  { path: 'imsmanifest.xml', data: encode('<manifest/>') },
  { path: 'm1.html', data: encode('<!doctype html>module 1') },
  { path: 'fonts/Inter.woff2', data: new Uint8Array([0, 1, 2, 255]) },
];

interface CentralRecord {
  name: string;
  madeByOs: number;
  dosTime: number;
  dosDate: number;
  externalAttributes: number;
}

/** Reads the central directory, the part of a zip an LMS's unzip trusts. */
function centralDirectory(zip: Uint8Array): CentralRecord[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22; // no zip comment is written
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const records: CentralRecord[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(offset, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    records.push({
      name: new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
      madeByOs: view.getUint8(offset + 5),
      dosTime: view.getUint16(offset + 12, true),
      dosDate: view.getUint16(offset + 14, true),
      externalAttributes: view.getUint32(offset + 38, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}

describe('createDeterministicZip', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives identical bytes for the same input', () => {
    expect(createDeterministicZip(entries)).toEqual(createDeterministicZip(entries));
  });

  it('gives identical bytes whatever order the entries come in', () => {
    const reversed = [...entries].reverse();
    const rotated = [...entries.slice(2), ...entries.slice(0, 2)];
    const reference = createDeterministicZip(entries);
    expect(createDeterministicZip(reversed)).toEqual(reference);
    expect(createDeterministicZip(rotated)).toEqual(reference);
  });

  it('puts imsmanifest.xml first, then the rest sorted by path', () => {
    expect(centralDirectory(createDeterministicZip(entries)).map((record) => record.name)).toEqual([
      'imsmanifest.xml',
      '_astro/app.js',
      'fonts/Inter.woff2',
      'index.html',
      'm1.html',
    ]);
  });

  it('orders mixed-case names by code point (capitals first), the same on every machine', () => {
    const mixed: ZipEntry[] = ['b.html', 'Zeta.html', 'a.html', 'imsmanifest.xml', 'B.html', '_x.js'].map((path) => ({ path, data: encode(path) }));
    expect(centralDirectory(createDeterministicZip(mixed)).map((record) => record.name)).toEqual([
      'imsmanifest.xml',
      'B.html',
      'Zeta.html',
      '_x.js',
      'a.html',
      'b.html',
    ]);
  });

  it('stamps every entry 2000-01-01 00:00 with no OS-specific attributes', () => {
    const dosDate2000 = ((2000 - 1980) << 9) | (1 << 5) | 1;
    for (const record of centralDirectory(createDeterministicZip(entries)))
      expect(record).toMatchObject({ madeByOs: 0, dosTime: 0, dosDate: dosDate2000, externalAttributes: 0 });
  });

  it('gives identical bytes in different time zones', () => {
    process.env.TZ = 'UTC';
    const utcOffset = new Date(2000, 0, 1).getTimezoneOffset();
    const utc = createDeterministicZip(entries);
    process.env.TZ = 'Asia/Tokyo';
    const tokyoOffset = new Date(2000, 0, 1).getTimezoneOffset();
    const tokyo = createDeterministicZip(entries);
    process.env.TZ = 'America/Los_Angeles';
    const losAngeles = createDeterministicZip(entries);
    // Guard: if the runtime ignored the TZ change this test would prove nothing.
    expect([utcOffset, tokyoOffset]).toEqual([0, -540]);
    expect(tokyo).toEqual(utc);
    expect(losAngeles).toEqual(utc);
  });

  it('differs from a plain zipSync with a UTC timestamp in a non-UTC zone (why the local-time Date is needed)', () => {
    process.env.TZ = 'Asia/Tokyo';
    const naive = zipSync({ 'a.txt': [encode('a'), { mtime: Date.UTC(2000, 0, 1), os: 0, attrs: 0, level: 9 }] });
    const ours = createDeterministicZip([{ path: 'a.txt', data: encode('a') }]);
    expect(centralDirectory(naive)[0]?.dosTime).not.toBe(0);
    expect(centralDirectory(ours)[0]?.dosTime).toBe(0);
  });

  it.each([
    ['/index.html', /must be relative/],
    ['a/../b.html', /"\." or "\.\." segment/],
    ['a\\b.html', /use "\/" as the separator/],
    ['assets/', /needs a file name/],
    ['', /needs a file name/],
    ['C:/course/index.html', /must be relative/],
    ['a//b.html', /"\." or "\.\." segment/],
    ['./a.html', /"\." or "\.\." segment/],
  ])('rejects the path %s', (path, message) => {
    expect(() => createDeterministicZip([{ path, data: encode('x') }])).toThrow(message);
  });

  it('rejects a control character in a name, with the exact reason', () => {
    expect(() => createDeterministicZip([{ path: 'a\tb.html', data: encode('x') }])).toThrow(new Error('zip entry "a\tb.html": has a control character in its name'));
  });

  it('rejects the same path twice', () => {
    expect(() => createDeterministicZip([entries[0]!, entries[0]!])).toThrow(/"index.html" is given twice/);
  });

  it('refuses integer-like names it could not keep in order', () => {
    expect(() => createDeterministicZip([{ path: 'imsmanifest.xml', data: encode('<manifest/>') }, { path: '404', data: encode('x') }])).toThrow(/named like integers \(404\)/);
  });

  it('names only the integer-like entries when one of several moves out of order', () => {
    const paths = ['imsmanifest.xml', '404', '1x.html', 'a.html', 'page2', '500'];
    expect(() => createDeterministicZip(paths.map((path) => ({ path, data: encode(path) })))).toThrow(/named like integers \(404, 500\) cannot/);
  });

  it('accepts a colon inside a relative path (only a drive letter at the start is absolute)', () => {
    const zip = createDeterministicZip([{ path: 'notes/10:30.html', data: encode('x') }, { path: 'notes/at:noon.html', data: encode('y') }]);
    expect([...readZip(zip).keys()]).toEqual(['notes/10:30.html', 'notes/at:noon.html']);
  });

  it('compares equal paths as equal (a sort comparator must)', () => {
    expect(compareZipPaths('a.html', 'a.html')).toBe(0);
    expect(compareZipPaths('imsmanifest.xml', 'imsmanifest.xml')).toBe(0);
  });
});

describe('readZip', () => {
  it('returns every file with its bytes', () => {
    const files = readZip(createDeterministicZip(entries));
    expect(Object.fromEntries(files)).toEqual(Object.fromEntries(entries.map((entry) => [entry.path, entry.data])));
    expect(files.size).toBe(entries.length);
  });

  it('throws listing every problem, separated by "; "', () => {
    const zip = zipSync({ '../up.html': encode('x'), '/abs.html': encode('y'), 'ok.html': encode('z') });
    expect(() => readZip(zip)).toThrow(new Error('../up.html: has an empty, "." or ".." segment (path traversal); /abs.html: must be relative (absolute path)'));
  });

  it('leaves out directory entries', () => {
    const withDirectory = zipSync({ assets: { 'a.css': encode('a{}') } });
    expect([...readZip(withDirectory).keys()]).toEqual(['assets/a.css']);
  });
});
