import { createHash } from 'node:crypto';
import { findAbsoluteUrls, isScannedForUrls, type AbsoluteUrlFinding } from './absolute-urls.ts';
import { buildManifest12 } from './manifest-12.ts';
import { buildManifest2004 } from './manifest-2004.ts';
import { buildPackageSpec, MANIFEST_FILE, PackagingError, SCORM_VERSIONS, type PackageCourseInput, type PackageSpec, type ScormVersion } from './package-spec.ts';
import { checkPackage } from './validate.ts';
import { createDeterministicZip, readZip, type ZipEntry } from './zip.ts';

/**
 * The whole packaging step without the file system: built site in, checked zips
 * and their packages.json record out. The CLI only reads dist/ and writes release/.
 */

export interface BuiltPackage {
  fileName: string;
  scormVersion: ScormVersion;
  spec: PackageSpec;
  manifest: string;
  zip: Uint8Array;
}

export interface PackagesRecord {
  courseId: string;
  courseVersion: string;
  packages: {
    file: string;
    scormVersion: ScormVersion;
    bytes: number;
    sha256: string;
    scos: { identifier: string; title: string; launch: string; masteryScore: number; objectives: string[]; durationMinutes: number }[];
  }[];
}

const FILE_SUFFIX: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };

export function packageFileName(courseId: string, version: ScormVersion): string {
  return `${courseId}-${FILE_SUFFIX[version]}.zip`;
}

export function buildManifest(spec: PackageSpec): string {
  return spec.scormVersion === '1.2' ? buildManifest12(spec) : buildManifest2004(spec);
}

/** Absolute or external URLs in the built site, which would break inside an LMS. */
export function findAbsoluteUrlsInSite(site: ZipEntry[]): AbsoluteUrlFinding[] {
  const decoder = new TextDecoder();
  return site.filter((entry) => isScannedForUrls(entry.path)).flatMap((entry) => findAbsoluteUrls(entry.path, decoder.decode(entry.data)));
}

/**
 * @param site every file of the built site, paths relative to its root
 * @throws PackagingError when the site has absolute URLs, a launch page is
 *   missing, or a produced zip fails checkPackage
 */
export function buildPackages(course: PackageCourseInput, site: ZipEntry[], versions: readonly ScormVersion[] = SCORM_VERSIONS): BuiltPackage[] {
  const findings = findAbsoluteUrlsInSite(site);
  if (findings.length > 0)
    throw new PackagingError(
      `the built site has ${findings.length} absolute or external URL${findings.length === 1 ? '' : 's'}, which break inside an LMS:\n` +
        findings.map((finding) => `  ${finding.file}:${finding.line}: ${finding.match}`).join('\n'),
    );
  const paths = site.map((entry) => entry.path);
  return versions.map((scormVersion) => {
    const spec = buildPackageSpec(course, scormVersion, paths);
    const manifest = buildManifest(spec);
    const zip = createDeterministicZip([{ path: MANIFEST_FILE, data: new TextEncoder().encode(manifest) }, ...site]);
    const fileName = packageFileName(spec.courseId, scormVersion);
    // Check the zip as an LMS would receive it, not the inputs we think went in.
    const problems = checkPackage(readZip(zip), scormVersion);
    if (problems.length > 0) throw new PackagingError(`${fileName} fails its check:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    return { fileName, scormVersion, spec, manifest, zip };
  });
}

export function packagesRecord(course: PackageCourseInput, packages: BuiltPackage[]): PackagesRecord {
  return {
    courseId: course.meta.id,
    courseVersion: course.meta.version,
    packages: packages.map(({ fileName, scormVersion, spec, zip }) => ({
      file: fileName,
      scormVersion,
      bytes: zip.byteLength,
      sha256: createHash('sha256').update(zip).digest('hex'),
      scos: spec.scos.map((sco) => ({
        identifier: sco.itemIdentifier,
        title: sco.title,
        launch: sco.launchHref,
        masteryScore: sco.masteryScore,
        objectives: [...(scormVersion === '2004' ? [sco.primaryObjectiveId] : []), ...sco.objectives.map((objective) => objective.id)],
        durationMinutes: sco.durationMinutes,
      })),
    })),
  };
}
