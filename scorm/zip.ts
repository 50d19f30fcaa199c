import { zipSync, type ZipOptions, type Zippable } from 'fflate';
import { MANIFEST_FILE } from './package-spec.ts';
import { readZipUntrusted } from './zip-reader.ts';
import { zipPathProblem } from './zip-paths.ts';

export interface ZipEntry {
  /** POSIX path inside the zip, no leading slash. */
  path: string;
  data: Uint8Array;
}

/**
 * Every entry gets the same attributes, so the bytes depend only on the paths and
 * contents: a rebuild of the same release gives the same zip (and sha256).
 * - mtime 2000-01-01 00:00:00: fflate writes DOS times from the Date's *local*
 *   fields, so a Date built from local fields yields the same stamp in every TZ.
 * - os 0 (MS-DOS) and attrs 0: no Unix permission bits from the build machine.
 * - one compression level: output differs between levels.
 */
function entryAttributes(): ZipOptions {
  return { level: 9, mtime: new Date(2000, 0, 1, 0, 0, 0), os: 0, attrs: 0 };
}

/** Manifest first (some LMSs peek at the first entry), then the rest by path in code-unit order. */
export function compareZipPaths(a: string, b: string): number {
  if (a === b) return 0;
  if (a === MANIFEST_FILE) return -1;
  if (b === MANIFEST_FILE) return 1;
  return a < b ? -1 : 1;
}

/**
 * @throws Error on duplicate or malformed paths (absolute, `..`, backslashes, directory entries)
 */
export function createDeterministicZip(entries: ZipEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => compareZipPaths(a.path, b.path));
  const zippable: Zippable = {};
  for (const [index, entry] of sorted.entries()) {
    const problem = zipPathProblem(entry.path);
    if (problem) throw new Error(`zip entry "${entry.path}": ${problem}`);
    if (index > 0 && sorted[index - 1]!.path === entry.path) throw new Error(`zip entry "${entry.path}" is given twice`);
    zippable[entry.path] = [entry.data, entryAttributes()];
  }
  // zipSync writes entries in object key order, and JS puts integer-like keys ("404") first.
  // Check rather than assume, so the documented order cannot silently change.
  const keys = Object.keys(zippable);
  if (keys.some((key, index) => key !== sorted[index]!.path))
    throw new Error(`zip entries named like integers (${keys.filter((key) => /^\d+$/.test(key)).join(', ')}) cannot be kept in path order`);
  return zipSync(zippable);
}

/**
 * Path → contents for every file entry (directory entries are skipped), read with
 * the same checks as any untrusted zip.
 * @throws Error listing every problem when the zip breaks a rule
 */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const { files, problems } = readZipUntrusted(bytes);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return files;
}
