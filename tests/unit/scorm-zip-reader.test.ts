import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, readZipUntrusted } from '../../scorm/zip-reader.ts';
import { createDeterministicZip } from '../../scorm/zip.ts';
import { deflateSync } from 'fflate';
import { rawZip } from '../fixtures/packages/broken-packages.ts';
import { handZip, type HandZipEntry } from '../fixtures/packages/hand-zip.ts';

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

const MiB = 1024 * 1024;
const SIG_LOCAL = [0x50, 0x4b, 0x03, 0x04];
/** Bytes that deflate hardly compresses, so their deflated length is predictable. */
const noise = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7919 + 13) % 251);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
/** One entry, built twice: the second time with fields that need the finished zip's length. */
function handZipKnowingLength(build: (length: number) => Uint8Array): Uint8Array {
  return build(build(0).byteLength);
}

describe('readZipUntrusted: hostile entries, decided from the central directory', () => {
  it('refuses an encrypted entry, naming it', () => {
    const { files, problems } = readZipUntrusted(handZip([{ name: 'secret.html', data: encode('x'), flags: 1 }, { name: 'ok.html', data: encode('ok') }]));
    expect(problems).toEqual(['secret.html: is encrypted; an LMS cannot read it']);
    expect([...files.keys()]).toEqual(['ok.html']);
  });

  it('refuses compression methods other than stored and deflate, and reads both of those', () => {
    const { files, problems } = readZipUntrusted(
      handZip([
        { name: 'a.bz2.html', data: encode('x'), method: 12 },
        { name: 'stored.html', data: encode('stored'), method: 0 },
        { name: 'deflated.html', data: deflateSync(encode('deflated')), method: 8, size: 8 },
      ]),
    );
    expect(problems).toEqual(['a.bz2.html: uses compression method 12; only stored (0) and deflate (8) are readable everywhere']);
    expect(new Map([...files].map(([name, bytes]) => [name, text(bytes)]))).toEqual(new Map([['stored.html', 'stored'], ['deflated.html', 'deflated']]));
  });

  it('refuses an entry whose size or compressed size is the ZIP64 marker', () => {
    expect(readZipUntrusted(handZip([{ name: 'huge.bin', compressedSize: 0xffffffff }])).problems).toEqual(['huge.bin: is a ZIP64 entry (over 4 GB); not accepted']);
    expect(readZipUntrusted(handZip([{ name: 'huge.bin', size: 0xffffffff }])).problems).toEqual([
      'zip: entries add up to 4096.0 MiB uncompressed, more than the 200.0 MiB limit (a zip bomb?); nothing was unpacked',
      'huge.bin: is a ZIP64 entry (over 4 GB); not accepted',
    ]);
  });

  it('refuses a ZIP64 archive (entry count or directory offset marked)', () => {
    const message = ['zip: is a ZIP64 archive; not accepted (a course package needs neither 65,535 files nor 4 GB)'];
    expect(readZipUntrusted(handZip([{ name: 'a.txt' }], { count: 0xffff })).problems).toEqual(message);
    expect(readZipUntrusted(handZip([{ name: 'a.txt' }], { directoryOffset: 0xffffffff })).problems).toEqual(message);
  });

  it('refuses directory entries that point outside the package, keeps harmless ones', () => {
    const { files, problems } = readZipUntrusted(handZip(['/abs/', '../up/', 'a\\b/', 'assets/', 'assets/a.css'].map((name) => ({ name }))));
    expect(problems).toEqual([
      '/abs/: directory entry outside the package (absolute, ".." or "\\")',
      '../up/: directory entry outside the package (absolute, ".." or "\\")',
      'a\\b/: directory entry outside the package (absolute, ".." or "\\")',
    ]);
    expect([...files.keys()]).toEqual(['assets/a.css']);
  });

  it('refuses a control character in a file name, printing it escaped', () => {
    expect(readZipUntrusted(handZip([{ name: 'a\tb.html' }])).problems).toEqual(['"a\\tb.html": has a control character in its name']);
  });

  it('refuses an entry with an empty name', () => {
    // Its record is the last 46 bytes before the end record: still a readable record.
    expect(readZipUntrusted(handZip([{ name: '' }])).problems).toEqual([': needs a file name (directory entries are not written)']);
  });

  it('reads UTF-8 names, and folds case the way file systems do (ß is not "ss")', () => {
    const { files, problems } = readZipUntrusted(handZip([{ name: 'straße.html' }, { name: 'STRASSE.html' }]));
    expect(problems).toEqual([]);
    expect([...files.keys()]).toEqual(['straße.html', 'STRASSE.html']);
  });
});

describe('readZipUntrusted: size limits at their boundaries', () => {
  it('accepts a total exactly at the limit', () => {
    const { files, problems } = readZipUntrusted(handZip([{ name: 'a', data: noise(80) }, { name: 'b', data: noise(80) }]), { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 160 });
    expect(problems).toEqual([]);
    expect(files.size).toBe(2);
  });

  it('accepts as many entries as the limit', () => {
    const zip = handZip(['a', 'b', 'c', 'd'].map((name) => ({ name })));
    expect(readZipUntrusted(zip, { ...DEFAULT_ZIP_LIMITS, maxEntries: 4 })).toEqual({ files: new Map(['a', 'b', 'c', 'd'].map((name) => [name, new Uint8Array(0)])), problems: [] });
  });

  it('accepts one entry exactly at the size limit', () => {
    const { files, problems } = readZipUntrusted(handZip([{ name: 'a', data: noise(100) }]), { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100 });
    expect(problems).toEqual([]);
    expect(files.get('a')).toEqual(noise(100));
  });

  it('gives sizes of a MiB or more in MiB, to one decimal place', () => {
    const zip = handZip([{ name: 'big.bin', size: 1.5 * MiB }]);
    expect(readZipUntrusted(zip, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: MiB }).problems).toEqual(['big.bin: unpacks to 1.5 MiB, more than the 1.0 MiB limit for one file (a zip bomb?)']);
    expect(readZipUntrusted(zip, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: MiB - 1 }).problems).toEqual(['big.bin: unpacks to 1.5 MiB, more than the 1048575 bytes limit for one file (a zip bomb?)']);
  });

  it('refuses a compression ratio over the limit from the declared sizes, before inflating', () => {
    const declared = (compressedSize: number): HandZipEntry[] => [{ name: 'bomb.bin', method: 8, size: 2 * MiB, compressedSize }];
    expect(readZipUntrusted(handZip(declared(1024))).problems).toEqual(['bomb.bin: compresses 2048:1, more than the 200:1 limit (a zip bomb?)']);
    // A compressed size of 0 must not divide by zero.
    expect(readZipUntrusted(handZip(declared(0))).problems).toEqual(['bomb.bin: compresses 2097152:1, more than the 200:1 limit (a zip bomb?)']);
  });

  it('accepts a ratio exactly at the limit', () => {
    // Stored entries unpack 1:1; just over the 1 MiB from which the ratio is checked.
    const stored = handZip([{ name: 'a.bin', data: noise(MiB + 1) }]);
    expect(readZipUntrusted(stored, { ...DEFAULT_ZIP_LIMITS, maxRatio: 1 }).problems).toEqual([]);
    expect(readZipUntrusted(stored, { ...DEFAULT_ZIP_LIMITS, maxRatio: 2 }).problems).toEqual([]);
  });

  it('does not check the ratio of an entry of exactly 1 MiB', () => {
    // A MiB of zeros deflates about 1000:1, far over the 200:1 limit.
    const { files, problems } = readZipUntrusted(handZip([{ name: 'zeros.bin', data: deflateSync(new Uint8Array(MiB)), method: 8, size: MiB }]));
    expect(problems).toEqual([]);
    expect(files.get('zeros.bin')).toEqual(new Uint8Array(MiB));
  });
});

describe('readZipUntrusted: finding the records', () => {
  it('reads an empty zip (only the end record) as no files and no problem', () => {
    expect(readZipUntrusted(handZip([]))).toEqual({ files: new Map(), problems: [] });
  });

  it('reports longer text that is not a zip', () => {
    expect(readZipUntrusted(encode('not a zip '.repeat(10))).problems).toEqual(['zip: not a zip file (no end of central directory record)']);
  });

  it('finds the end record behind a zip comment of the largest size allowed', () => {
    const { files, problems } = readZipUntrusted(handZip([{ name: 'a.txt', data: encode('hello') }], { comment: encode(' '.repeat(0xffff)) }));
    expect(problems).toEqual([]);
    expect(text(files.get('a.txt'))).toBe('hello');
  });

  it('steps over extra fields and comments to the next record', () => {
    const extra = Uint8Array.of(0x75, 0x70, 4, 0, 1, 2, 3, 4); // id 0x7075, 4 bytes of data
    const { files, problems } = readZipUntrusted(
      handZip([
        { name: 'a.txt', data: encode('first'), extra, comment: 'a comment' },
        { name: 'b.txt', data: encode('second'), extra },
      ]),
    );
    expect(problems).toEqual([]);
    expect(new Map([...files].map(([name, bytes]) => [name, text(bytes)]))).toEqual(new Map([['a.txt', 'first'], ['b.txt', 'second']]));
  });

  it('reports a central record without its signature, counting from 1', () => {
    const zip = handZip([{ name: 'a.txt' }, { name: 'b.txt' }]);
    zip[recordOffsets(zip, 0x02014b50)[1]!] = 0;
    expect(readZipUntrusted(zip)).toEqual({ files: new Map(), problems: ['zip: central directory record 2 of 2 is corrupt'] });
  });

  it('reports a central record that would run into the end record', () => {
    // Record 1's comment holds a central signature; with its comment length zeroed the
    // (claimed) record 2 starts there, 8 bytes before the end record.
    const zip = handZip([{ name: 'a.txt', comment: 'PK\x01\x02....' }], { count: 2 });
    new DataView(zip.buffer).setUint16(recordOffsets(zip, 0x02014b50)[0]! + 32, 0, true);
    expect(readZipUntrusted(zip).problems).toEqual(['zip: central directory record 2 of 2 is corrupt']);
  });
});

describe('readZipUntrusted: reading entry data', () => {
  it('reports a local header that is not where the central record says', () => {
    expect(readZipUntrusted(handZip([{ name: 'a.txt', data: encode('hello'), localHeaderOffset: 1 }])).problems).toEqual(['a.txt: local header missing or corrupt']);
  });

  it('reports a local header too close to the end of the file, without throwing', () => {
    // The zip comment ends in a local header signature: only 4 bytes of a 30-byte header.
    const zip = handZipKnowingLength((length) => handZip([{ name: 'a.txt', localHeaderOffset: length - 4 }], { comment: Uint8Array.from([...encode('note'), ...SIG_LOCAL]) }));
    expect(readZipUntrusted(zip).problems).toEqual(['a.txt: local header missing or corrupt']);
  });

  it('reads a local header that ends exactly at the end of the file', () => {
    const comment = Uint8Array.from([...SIG_LOCAL, ...new Uint8Array(26)]);
    const zip = handZipKnowingLength((length) => handZip([{ name: 'a.txt', localHeaderOffset: length - 30 }], { comment }));
    expect(readZipUntrusted(zip)).toEqual({ files: new Map([['a.txt', new Uint8Array(0)]]), problems: [] });
  });

  it('skips the extra field of the local header', () => {
    const zip = handZip([{ name: 'a.txt', data: encode('hello'), extra: Uint8Array.of(0x75, 0x70, 4, 0, 9, 9, 9, 9) }]);
    expect(text(readZipUntrusted(zip).files.get('a.txt'))).toBe('hello');
  });

  it('reports data that runs past the end of the zip', () => {
    const { files, problems } = readZipUntrusted(handZip([{ name: 'a.txt', data: encode('hello'), size: 1000, compressedSize: 1000 }]));
    expect(problems).toEqual(['a.txt: data runs past the end of the zip (truncated)']);
    expect(files.size).toBe(0);
  });

  it('reads data that ends exactly at the end of the file', () => {
    // The stored entry claims every byte after its local header, end record included.
    const zip = handZipKnowingLength((length) => handZip([{ name: 'a.txt', size: length - 35, compressedSize: length - 35 }]));
    expect(readZipUntrusted(zip)).toEqual({ files: new Map([['a.txt', zip.subarray(35)]]), problems: [] });
  });

  it('reports a stored entry whose two sizes disagree', () => {
    expect(readZipUntrusted(handZip([{ name: 'a.txt', data: encode('hello'), size: 6 }])).problems).toEqual(['a.txt: stored entry whose sizes disagree']);
  });

  it('returns copies: changing the zip afterwards does not change the files', () => {
    const zip = handZip([{ name: 'a.txt', data: encode('hello') }]);
    const { files } = readZipUntrusted(zip);
    zip.fill(0);
    expect(text(files.get('a.txt'))).toBe('hello');
  });

  it('inflates deflate data of exactly one read chunk (64 KiB) and of several', () => {
    // Level 0 deflate: 5 bytes of block header per 65,535 bytes.
    const one = deflateSync(noise(65_531), { level: 0 });
    expect(one.length).toBe(64 * 1024);
    const several = deflateSync(noise(150_000), { level: 0 });
    const { files, problems } = readZipUntrusted(
      handZip([
        { name: 'one.bin', data: one, method: 8, size: 65_531 },
        { name: 'several.bin', data: several, method: 8, size: 150_000 },
      ]),
    );
    expect(problems).toEqual([]);
    expect(files.get('one.bin')).toEqual(noise(65_531));
    expect(files.get('several.bin')).toEqual(noise(150_000));
  });

  it('reports deflate data cut short, also when the cut falls on a 64 KiB read chunk', () => {
    // fflate waits for more input unless told the chunk is the last: the reader must tell it.
    const whole = deflateSync(noise(150_000), { level: 0 });
    for (const cut of [64 * 1024, 1000]) {
      const zip = handZip([{ name: 'a.bin', data: whole.subarray(0, cut), method: 8, size: 150_000 }]);
      expect(readZipUntrusted(zip).problems).toEqual(['a.bin: cannot be inflated (unexpected EOF)']);
    }
  });

  it('reports deflate data that cannot be inflated', () => {
    expect(readZipUntrusted(handZip([{ name: 'a.txt', data: Uint8Array.of(0xff, 0xff, 0xff), method: 8, size: 10 }])).problems).toEqual(['a.txt: cannot be inflated (invalid block type)']);
  });

  it('reports deflate data that unpacks to less than its header declares', () => {
    expect(readZipUntrusted(handZip([{ name: 'a.txt', data: deflateSync(encode('hello')), method: 8, size: 10 }])).problems).toEqual(['a.txt: unpacks to 5 bytes, its header declares 10']);
  });
});
