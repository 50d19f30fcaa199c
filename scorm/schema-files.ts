import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScormVersion } from './package-spec.ts';
import type { ZipEntry } from './zip.ts';

/**
 * The SCORM schema files (XSD, DTD) a manifest names in xsi:schemaLocation.
 * Strict importers look for them beside imsmanifest.xml, so every SCORM zip
 * ships its version's set at the root, with the folders lom.xsd includes from.
 */

export const DEFAULT_XSD_DIR = fileURLToPath(new URL('./xsd/', import.meta.url));

const VERSION_DIR: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004-4th' };

/** Schema files for one version, paths relative to the zip root, sorted. */
export function readSchemaFiles(version: ScormVersion, xsdDir: string = DEFAULT_XSD_DIR): ZipEntry[] {
  const root = join(xsdDir, VERSION_DIR[version]);
  // Here rather than at module level, so a mutation test sees a changed pattern (module code runs once per worker).
  const schemaFile = /\.(xsd|dtd)$/;
  const entries: ZipEntry[] = [];
  const walk = (dir: string) => {
    // Stryker disable next-line MethodExpression: equivalent on Linux and macOS, where libuv already lists a folder sorted; the sort keeps the zip order the same elsewhere
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (schemaFile.test(name)) entries.push({ path: relative(root, full).split(sep).join('/'), data: readFileSync(full) });
    }
  };
  walk(root);
  return entries;
}

const pathsCache = new Map<ScormVersion, Set<string>>();

/** Paths a package of this version may hold without listing them in the manifest. */
export function schemaFilePaths(version: ScormVersion): Set<string> {
  // Read once per version: a cache, so recomputing would change nothing but the time taken.
  const paths = pathsCache.get(version) ?? new Set(readSchemaFiles(version).map((entry) => entry.path));
  // Stryker disable next-line all: equivalent, without the cache each call reads the same files again (the tests call twice)
  pathsCache.set(version, paths);
  return paths;
}
