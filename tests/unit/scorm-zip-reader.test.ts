import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, readZipUntrusted } from '../../scorm/zip-reader.ts';
import { createDeterministicZip } from '../../scorm/zip.ts';
import { rawZip } from '../fixtures/packages/broken-packages.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const zipOf = (files: Record<string, string | Uint8Array>) =>
  rawZip(new Map(Object.entries(files).map(([path, data]) => [path, typeof data === 'string' ? encode(data) : data])));

/** Offsets of every record with this signature (local 0x04034b50, central 0x02014b50). */
function recordOffsets(zip: Uint8Array, signature: number): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: number[] = [];
  for (let i = 0; i + 4 <= zip.byteLength; i++) if (view.getUint32(i, true) === signature) found.push(i);
  return found;
}

describe('readZipUntrusted', () => {
  it('returns every file of a good zip and no problem', () => {
    const zip = createDeterministicZip([
      { path: 'index.html', data: encode('<p>hi</p>') },
      { path: '_astro/app.js', data: encode('x'.repeat(5000)) },
    ]);
    const { files, problems } = readZipUntrusted(zip);
    expect(problems).toEqual([]);
    expect(new TextDecoder().decode(files.get('_astro/app.js'))).toBe('x'.repeat(5000));
    expect([...files.keys()].sort()).toEqual(['_astro/app.js', 'index.html']);
  });

  it('reports every bad entry, names it, and unpacks none of them', () => {
    const { files, problems } = readZipUntrusted(zipOf({ 'ok.html': 'ok', '../up.html': 'x', '/abs.html': 'x', 'C:/win.html': 'x', 'a\\b.html': 'x', 'OK.html': 'x' }));
    expect(problems).toEqual([
      '../up.html: has an empty, "." or ".." segment (path traversal)',
      '/abs.html: must be relative (absolute path)',
      'C:/win.html: must be relative (absolute path)',
      'a\\b.html: use "/" as the separator (backslash in the path)',
      'OK.html: differs from "ok.html" only in letter case',
    ]);
    expect([...files.keys()]).toEqual(['ok.html']);
  });

  it('reports a name that appears twice', () => {
    const zip = zipOf({ 'a.txt': 'one', 'b.txt': 'two' });
    // Rename the second entry to a.txt in both its local and central header.
    for (const offset of [recordOffsets(zip, 0x04034b50)[1]! + 30, recordOffsets(zip, 0x02014b50)[1]! + 46]) zip[offset] = 'a'.charCodeAt(0);
    expect(readZipUntrusted(zip).problems).toEqual(['a.txt: appears twice in the zip']);
  });

  it('refuses more entries than the limit before unpacking anything', () => {
    const { files, problems } = readZipUntrusted(zipOf({ a: '1', b: '2', c: '3', d: '4' }), { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 });
    expect(problems).toEqual(['zip: has 4 entries, more than the 3 limit (a zip bomb?); nothing was unpacked']);
    expect(files.size).toBe(0);
  });

  it('refuses a total unpacked size over the limit before unpacking anything', () => {
    const { files, problems } = readZipUntrusted(zipOf({ a: 'x'.repeat(80), b: 'y'.repeat(80) }), { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 100 });
    expect(problems).toEqual(['zip: entries add up to 160 bytes uncompressed, more than the 100 bytes limit (a zip bomb?); nothing was unpacked']);
    expect(files.size).toBe(0);
  });

  it('refuses one entry over the size limit, keeps the others', () => {
    const { files, problems } = readZipUntrusted(zipOf({ big: 'x'.repeat(500), small: 'ok' }), { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100 });
    expect(problems).toEqual(['big: unpacks to 500 bytes, more than the 100 bytes limit for one file (a zip bomb?)']);
    expect([...files.keys()]).toEqual(['small']);
  });

  it('never unpacks more than an entry header declares', () => {
    const zip = zipOf({ 'a.txt': 'a'.repeat(100_000) });
    // Claim 10 bytes in both headers: a lying header must not buy more memory than it declares.
    const view = new DataView(zip.buffer);
    view.setUint32(recordOffsets(zip, 0x04034b50)[0]! + 22, 10, true);
    view.setUint32(recordOffsets(zip, 0x02014b50)[0]! + 24, 10, true);
    const { files, problems } = readZipUntrusted(zip);
    expect(problems).toEqual(['a.txt: unpacks to more than the 10 bytes its header declares (a zip bomb?)']);
    expect(files.size).toBe(0);
  });

  it('reports a file that is not a zip, and a truncated one, without throwing', () => {
    expect(readZipUntrusted(encode('just text')).problems).toEqual(['zip: not a zip file (no end of central directory record)']);
    const zip = zipOf({ 'a.txt': 'hello' });
    expect(readZipUntrusted(zip.subarray(40)).problems).toEqual(['zip: central directory points outside the file (truncated or corrupt zip)']);
  });

  it('skips directory entries without complaint', () => {
    const zip = zipOf({ 'assets/': new Uint8Array(0), 'assets/a.css': 'a{}' });
    expect(readZipUntrusted(zip)).toEqual({ files: new Map([['assets/a.css', encode('a{}')]]), problems: [] });
  });
});
