import { Inflate } from 'fflate';
import { zipPathProblem } from './zip-paths.ts';

/**
 * Reads a zip nobody vouches for (a centre's upload, another vendor's package).
 * Everything is decided from the central directory before a byte is inflated:
 * entry count, declared sizes, compression ratio and names. Inflating is then
 * bounded by the declared size, so a header that lies about it cannot blow up
 * memory either. Every problem is reported, each naming its entry; entries with
 * a problem are left out of `files`.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, checked for entries over 1 MiB (text compresses ~10×, a bomb 1000×). */
  maxRatio: number;
}

/** Far above any course package (ours are under 1 MB with a few hundred files), far below what hurts a server. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

const RATIO_CHECK_FROM = 1024 * 1024;

export interface ZipReadResult {
  /** Path → bytes of every file entry that passed every check. */
  files: Map<string, Uint8Array>;
  /** One line per problem, `<entry or "zip">: what is wrong`. */
  problems: string[];
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

export function readZipUntrusted(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipReadResult {
  const files = new Map<string, Uint8Array>();
  const problems: string[] = [];
  const directory = readCentralDirectory(bytes, limits);
  if (typeof directory === 'string') return { files, problems: [`zip: ${directory}`] };

  const declaredTotal = directory.reduce((sum, entry) => sum + entry.size, 0);
  const totalTooLarge = declaredTotal > limits.maxTotalBytes;
  if (totalTooLarge)
    problems.push(`zip: entries add up to ${formatSize(declaredTotal)} uncompressed, more than the ${formatSize(limits.maxTotalBytes)} limit (a zip bomb?); nothing was unpacked`);

  const seenExact = new Set<string>();
  const seenFolded = new Map<string, string>();
  const accepted: CentralEntry[] = [];
  for (const entry of directory) {
    const entryProblems = entryProblemsOf(entry, limits);
    if (seenExact.has(entry.name)) entryProblems.push('appears twice in the zip');
    else {
      const folded = entry.name.toLowerCase();
      const other = seenFolded.get(folded);
      // Windows and macOS file systems would unpack both to one file; which one wins is up to the LMS.
      if (other !== undefined) entryProblems.push(`differs from "${other}" only in letter case`);
      else seenFolded.set(folded, entry.name);
    }
    seenExact.add(entry.name);
    for (const problem of entryProblems) problems.push(`${printable(entry.name)}: ${problem}`);
    if (entryProblems.length === 0 && !entry.name.endsWith('/')) accepted.push(entry);
  }
  if (totalTooLarge) return { files, problems };

  for (const entry of accepted) {
    const data = inflateEntry(bytes, entry);
    if (typeof data === 'string') problems.push(`${entry.name}: ${data}`);
    else files.set(entry.name, data);
  }
  return { files, problems };
}

function entryProblemsOf(entry: CentralEntry, limits: ZipLimits): string[] {
  const problems: string[] = [];
  if (!entry.name.endsWith('/')) {
    const pathProblem = zipPathProblem(entry.name);
    if (pathProblem) problems.push(pathProblem);
  } else if (entry.name.startsWith('/') || entry.name.includes('..') || entry.name.includes('\\')) {
    problems.push('directory entry outside the package (absolute, ".." or "\\")');
  }
  if (entry.flags & 1) problems.push('is encrypted; an LMS cannot read it');
  if (entry.method !== 0 && entry.method !== 8) problems.push(`uses compression method ${entry.method}; only stored (0) and deflate (8) are readable everywhere`);
  if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) problems.push('is a ZIP64 entry (over 4 GB); not accepted');
  else if (entry.size > limits.maxEntryBytes)
    problems.push(`unpacks to ${formatSize(entry.size)}, more than the ${formatSize(limits.maxEntryBytes)} limit for one file (a zip bomb?)`);
  else if (entry.size > RATIO_CHECK_FROM && entry.size > entry.compressedSize * limits.maxRatio)
    problems.push(`compresses ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1, more than the ${limits.maxRatio}:1 limit (a zip bomb?)`);
  return problems;
}

/** The central directory records, or why it cannot be read. */
function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): CentralEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return 'not a zip file (no end of central directory record)';
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === ZIP64_MARK) return 'is a ZIP64 archive; not accepted (a course package needs neither 65,535 files nor 4 GB)';
  if (count > limits.maxEntries) return `has ${count} entries, more than the ${limits.maxEntries} limit (a zip bomb?); nothing was unpacked`;
  if (directoryOffset + directorySize > eocd) return 'central directory points outside the file (truncated or corrupt zip)';

  const entries: CentralEntry[] = [];
  let offset = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== SIG_CENTRAL) return `central directory record ${i + 1} of ${count} is corrupt`;
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    entries.push({
      // Bit 11: UTF-8 names; otherwise CP437, whose ASCII part is all a package path may use anyway.
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes),
      flags,
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) if (view.getUint32(offset, true) === SIG_EOCD) return offset;
  return -1;
}

/** The entry's bytes, never more than its declared size, or why they cannot be read. */
function inflateEntry(bytes: Uint8Array, entry: CentralEntry): Uint8Array | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== SIG_LOCAL) return 'local header missing or corrupt';
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) return 'data runs past the end of the zip (truncated)';
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) return entry.compressedSize === entry.size ? compressed.slice() : 'stored entry whose sizes disagree';

  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) overflow = true;
    else out.set(chunk, written);
    written += chunk.length;
  });
  try {
    const step = 64 * 1024;
    for (let at = 0; at < compressed.length && !overflow; at += step) inflater.push(compressed.subarray(at, at + step), at + step >= compressed.length);
  } catch (error) {
    return `cannot be inflated (${(error as Error).message})`;
  }
  if (overflow) return `unpacks to more than the ${formatSize(entry.size)} its header declares (a zip bomb?)`;
  if (written !== entry.size) return `unpacks to ${written} bytes, its header declares ${entry.size}`;
  return out;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** Entry names come from the zip: show control characters instead of printing them. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f]/.test(name) ? JSON.stringify(name) : name;
}
