import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readManifest } from './manifest.ts';
import type { PackageInfo } from './package-info.ts';

/**
 * The zips in the release folder, unzipped in memory. Each zip is re-read when its
 * mtime or size changes, so `npm run package` in another terminal is picked up without
 * restarting the stand-in.
 */

interface UnzippedPackage {
  mtimeMs: number;
  size: number;
  files: Map<string, Uint8Array>;
  info: PackageInfo | Error;
}

const ZIP_FILE_NAME = /^[^/\\\0]+\.zip$/i;

export class ReleasePackages {
  readonly releaseDir: string;
  private readonly cache = new Map<string, UnzippedPackage>();

  constructor(releaseDir: string) {
    this.releaseDir = path.resolve(releaseDir);
  }

  async zipFileNames(): Promise<string[]> {
    try {
      const entries = await readdir(this.releaseDir, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && ZIP_FILE_NAME.test(entry.name))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      // No release folder yet simply means nothing has been packaged.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Readable packages, in file-name order; unreadable zips are reported through `onProblem`. */
  async list(onProblem: (file: string, problem: string) => void): Promise<PackageInfo[]> {
    const packages: PackageInfo[] = [];
    for (const file of await this.zipFileNames()) {
      const unzipped = await this.open(file);
      if (!unzipped) continue;
      if (unzipped.info instanceof Error) onProblem(file, unzipped.info.message);
      else packages.push(unzipped.info);
    }
    return packages;
  }

  /**
   * One file from inside a zip, or undefined when the zip or the entry does not exist.
   * `innerPath` must already be decoded and checked by the caller; lookups only ever hit
   * the in-memory entry map, so nothing outside the zip can be reached from here.
   */
  async readEntry(zipFile: string, innerPath: string): Promise<Uint8Array | undefined> {
    const unzipped = await this.open(zipFile);
    return unzipped?.files.get(innerPath);
  }

  private async open(zipFile: string): Promise<UnzippedPackage | undefined> {
    if (!ZIP_FILE_NAME.test(zipFile)) return undefined;
    const zipPath = path.join(this.releaseDir, zipFile);
    let stats;
    try {
      stats = await stat(zipPath);
    } catch {
      this.cache.delete(zipFile);
      return undefined;
    }
    if (!stats.isFile()) return undefined;
    const cached = this.cache.get(zipFile);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached;

    const unzipped: UnzippedPackage = { mtimeMs: stats.mtimeMs, size: stats.size, files: new Map(), info: new Error('not read') };
    try {
      const entries = unzipSync(new Uint8Array(await readFile(zipPath)));
      for (const [name, content] of Object.entries(entries)) {
        // Zips written on Windows may use backslashes; directories have no content to serve.
        const normalisedName = name.replaceAll('\\', '/').replace(/^\.?\//, '');
        if (!normalisedName.endsWith('/')) unzipped.files.set(normalisedName, content);
      }
      const manifest = unzipped.files.get('imsmanifest.xml');
      unzipped.info = manifest
        ? readManifest(zipFile, strFromU8(manifest))
        : new Error('no imsmanifest.xml at the root of the zip');
    } catch (error) {
      unzipped.info = error instanceof Error ? error : new Error(String(error));
    }
    this.cache.set(zipFile, unzipped);
    return unzipped;
  }
}
