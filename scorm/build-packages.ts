import { createHash } from 'node:crypto';
import { findAbsoluteUrls, isScannedForUrls, type AbsoluteUrlFinding } from './absolute-urls.ts';
import { buildCmi5Xml, checkCmi5Package, CMI5_FILE, widenConnectSrcForLrs } from './cmi5-package.ts';
import { buildManifest12 } from './manifest-12.ts';
import { buildManifest2004 } from './manifest-2004.ts';
import { scopeSiteToModule } from './module-scope.ts';
import {
  buildPackageSpec,
  filesInScope,
  launchFileFor,
  MANIFEST_FILE,
  PackagingError,
  SCORM_VERSIONS,
  type PackageCourseInput,
  type PackageScope,
  type PackageSpec,
  type ScormVersion,
} from './package-spec.ts';
import { checkPackage } from './validate.ts';
import { createDeterministicZip, readZip, type ZipEntry } from './zip.ts';

/**
 * The whole packaging step without the file system: built site in, checked zips
 * and their packages.json record out. The CLI only reads dist/ and writes release/.
 * Every package is made from the same site files; only the manifest, the schema
 * files and (for per-module packages) the set of module pages differ.
 */

export type PackageStandard = 'scorm12' | 'scorm2004' | 'cmi5';

export const STANDARD_LABEL: Record<PackageStandard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 4th', cmi5: 'cmi5' };

const STANDARD_OF: Record<ScormVersion, PackageStandard> = { '1.2': 'scorm12', '2004': 'scorm2004' };

/** The XSDs each manifest names in xsi:schemaLocation, shipped at the zip root (paths relative to it). */
export type SchemaFiles = Record<ScormVersion, ZipEntry[]>;

export interface BuiltPackage {
  /** Path under release/: `<course>-scorm12.zip`, or `modules/<module>-scorm12.zip` for one module. */
  fileName: string;
  standard: PackageStandard;
  /** SCORM version of the manifest; undefined for cmi5. */
  scormVersion: ScormVersion | undefined;
  scope: PackageScope;
  /** The modules and pass marks; for cmi5 each SCO entry is one AU. */
  spec: PackageSpec;
  /** Name and text of the file that describes the package to the LMS. */
  manifestFile: string;
  manifest: string;
  zip: Uint8Array;
}

export interface PackagesRecord {
  courseId: string;
  courseVersion: string;
  packages: {
    file: string;
    standard: string;
    scope: PackageScope;
    /** SCOs (SCORM) or AUs (cmi5). */
    units: number;
    bytes: number;
    sha256: string;
    courseVersion: string;
    scos: { identifier: string; title: string; launch: string; masteryScore: number; objectives: string[]; durationMinutes: number }[];
  }[];
}

const FILE_SUFFIX: Record<PackageStandard, string> = { scorm12: 'scorm12', scorm2004: 'scorm2004', cmi5: 'cmi5' };

export function packageFileName(courseId: string, standard: PackageStandard | ScormVersion, scope: PackageScope = 'course'): string {
  const suffix = FILE_SUFFIX[standard === '1.2' || standard === '2004' ? STANDARD_OF[standard] : standard];
  return scope === 'course' ? `${courseId}-${suffix}.zip` : `modules/${scope}-${suffix}.zip`;
}

export function buildManifest(spec: PackageSpec): string {
  return spec.scormVersion === '1.2' ? buildManifest12(spec) : buildManifest2004(spec);
}

/** Absolute or external URLs in the built site, which would break inside an LMS. */
export function findAbsoluteUrlsInSite(site: ZipEntry[]): AbsoluteUrlFinding[] {
  const decoder = new TextDecoder();
  // Stryker disable next-line MethodExpression: equivalent, findAbsoluteUrls finds nothing in other file types; the filter only spares decoding them
  return site.filter((entry) => isScannedForUrls(entry.path)).flatMap((entry) => findAbsoluteUrls(entry.path, decoder.decode(entry.data)));
}

/** Two site files whose names differ only in letter case are one file to an LMS on Windows or macOS, and the zip check refuses them. */
function refuseCaseOnlyNames(site: ZipEntry[]): void {
  const seen = new Map<string, string>();
  for (const { path } of site) {
    const other = seen.get(path.toLowerCase());
    if (other !== undefined) throw new PackagingError(`site files ${other} and ${path} differ only in letter case; an LMS on Windows or macOS sees one file: rename one`);
    seen.set(path.toLowerCase(), path);
  }
}

function refuseAbsoluteUrls(site: ZipEntry[]): void {
  const findings = findAbsoluteUrlsInSite(site);
  if (findings.length > 0)
    throw new PackagingError(
      `the built site has ${findings.length} absolute or external URL${findings.length === 1 ? '' : 's'}, which break inside an LMS:\n` +
        findings.map((finding) => `  ${finding.file}:${finding.line}: ${finding.match}`).join('\n'),
    );
}

const NO_SCHEMA_FILES: SchemaFiles = { '1.2': [], '2004': [] };

/**
 * Whole-course SCORM packages, one per version.
 * @param site every file of the built site, paths relative to its root
 * @throws PackagingError when the site has absolute URLs, a launch page is
 *   missing, or a produced zip fails checkPackage
 */
export function buildPackages(
  course: PackageCourseInput,
  site: ZipEntry[],
  versions: readonly ScormVersion[] = SCORM_VERSIONS,
  schemaFiles: SchemaFiles = NO_SCHEMA_FILES,
): BuiltPackage[] {
  refuseCaseOnlyNames(site);
  refuseAbsoluteUrls(site);
  return versions.map((version) => buildScormPackage(course, site, version, 'course', schemaFiles[version]));
}

/**
 * Everything `npm run package` releases: the whole course as SCORM 1.2, SCORM 2004
 * and cmi5, then each module on its own as SCORM 1.2 and 2004, in that order.
 */
export function buildRelease(course: PackageCourseInput, site: ZipEntry[], schemaFiles: SchemaFiles): BuiltPackage[] {
  refuseCaseOnlyNames(site);
  refuseAbsoluteUrls(site);
  const scopes: PackageScope[] = course.modules.map(({ meta }) => meta.id);
  return [
    ...SCORM_VERSIONS.map((version) => buildScormPackage(course, site, version, 'course', schemaFiles[version])),
    buildCmi5Package(course, site),
    ...scopes.flatMap((scope) => SCORM_VERSIONS.map((version) => buildScormPackage(course, site, version, scope, schemaFiles[version]))),
  ];
}

function buildScormPackage(course: PackageCourseInput, site: ZipEntry[], scormVersion: ScormVersion, scope: PackageScope, schemas: ZipEntry[]): BuiltPackage {
  const scoped = siteInScope(course, site, scope);
  const spec = buildPackageSpec(course, scormVersion, scoped.map((entry) => entry.path), scope);
  const manifest = buildManifest(spec);
  const taken = new Set(scoped.map((entry) => entry.path));
  const clash = schemas.find((entry) => taken.has(entry.path));
  if (clash) throw new PackagingError(`${clash.path} is both a site file and a SCORM schema file; rename the site file`);
  const zip = createDeterministicZip([{ path: MANIFEST_FILE, data: new TextEncoder().encode(manifest) }, ...scoped, ...schemas]);
  const fileName = packageFileName(spec.courseId, scormVersion, scope);
  // Check the zip as an LMS would receive it, not the inputs we think went in.
  refuseProblems(fileName, checkPackage(readZip(zip), scormVersion));
  return { fileName, standard: STANDARD_OF[scormVersion], scormVersion, scope, spec, manifestFile: MANIFEST_FILE, manifest, zip };
}

function buildCmi5Package(course: PackageCourseInput, site: ZipEntry[]): BuiltPackage {
  // Stryker disable next-line StringLiteral: equivalent, nothing reads a cmi5 spec's scormVersion (cmi5.xml, packages.json and the CLI go by standard)
  const spec = buildPackageSpec(course, '2004', site.map((entry) => entry.path));
  const manifest = buildCmi5Xml(spec);
  if (site.some((entry) => entry.path === CMI5_FILE)) throw new PackagingError(`${CMI5_FILE} is already among the site files; the packager writes it`);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const pages = site.map((entry) => (entry.path.endsWith('.html') ? { path: entry.path, data: encoder.encode(widenConnectSrcForLrs(decoder.decode(entry.data))) } : entry));
  const zip = createDeterministicZip([{ path: CMI5_FILE, data: encoder.encode(manifest) }, ...pages]);
  const fileName = packageFileName(spec.courseId, 'cmi5');
  // A safety net: the SCORM packages, built first from the same modules, pages and pass marks, fail on anything it could find.
  // Stryker disable next-line CallExpression: equivalent, unreachable failure (see above)
  refuseProblems(fileName, checkCmi5Package(readZip(zip)));
  return { fileName, standard: 'cmi5', scormVersion: undefined, scope: 'course', spec, manifestFile: CMI5_FILE, manifest, zip };
}

/** The site files a package of this scope ships; a module package's pages list that module only (module-scope.ts). */
function siteInScope(course: PackageCourseInput, site: ZipEntry[], scope: PackageScope): ZipEntry[] {
  if (scope === 'course') return site;
  const kept = new Set(filesInScope(course, site.map((entry) => entry.path), scope, readOnlyPagesOf(site, scope)));
  return scopeSiteToModule(site.filter((entry) => kept.has(entry.path)), scope);
}

/** The pages a module's page links to for reading only (`other.html?read#...`, the review links of src/lib/revisit-links.ts). */
export function readOnlyPagesOf(site: ZipEntry[], scope: PackageScope): Set<string> {
  if (scope === 'course') return new Set();
  const page = site.find((entry) => entry.path === launchFileFor(scope));
  if (!page) return new Set();
  return new Set([...new TextDecoder().decode(page.data).matchAll(/"([a-z0-9-]+\.html)\?read#/g)].map((match) => match[1]!));
}

function refuseProblems(fileName: string, problems: string[]): void {
  if (problems.length > 0) throw new PackagingError(`${fileName} fails its check:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
}

export function packagesRecord(course: PackageCourseInput, packages: BuiltPackage[]): PackagesRecord {
  return {
    courseId: course.meta.id,
    courseVersion: course.meta.version,
    packages: packages.map(({ fileName, standard, scope, spec, zip }) => ({
      file: fileName,
      standard: STANDARD_LABEL[standard],
      scope,
      units: spec.scos.length,
      bytes: zip.byteLength,
      sha256: createHash('sha256').update(zip).digest('hex'),
      courseVersion: course.meta.version,
      scos: spec.scos.map((sco) => ({
        identifier: standard === 'cmi5' ? sco.moduleId : sco.itemIdentifier,
        title: sco.title,
        launch: sco.launchHref,
        masteryScore: sco.masteryScore,
        objectives: [...(standard === 'scorm2004' ? [sco.primaryObjectiveId] : []), ...sco.objectives.map((objective) => objective.id)],
        durationMinutes: sco.durationMinutes,
      })),
    })),
  };
}
