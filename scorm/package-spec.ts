import type { CourseMeta } from '../src/schemas/course.ts';
import type { ModuleMeta } from '../src/schemas/module.ts';
import { objectiveId } from '../src/lib/lms-ids.ts';

/**
 * The version-neutral description of one SCORM package: what the two manifest
 * builders turn into XML and what packages.json reports. Built from the course
 * model and the list of files in dist/, so the manifests never look at content/.
 */

export type ScormVersion = '1.2' | '2004';

export const SCORM_VERSIONS: readonly ScormVersion[] = ['1.2', '2004'];

/** One LMS objective. `id` is what the runtime sends as `cmi.objectives.n.id`. */
export interface ObjectiveSpec {
  id: string;
  title: string;
}

/** One module = one SCO = one organization item + one `sco` resource. */
export interface ScoSpec {
  moduleId: string;
  /** `<item identifier>`: NCName, unique in the manifest. */
  itemIdentifier: string;
  /** `<resource identifier>` that the item's `identifierref` names. */
  resourceIdentifier: string;
  title: string;
  /** Package-relative path of the module page, e.g. `u219-lo1.html`. */
  launchHref: string;
  /** Module pass mark, 1–100: 1.2 `adlcp:masteryscore`, 2004 `minNormalizedMeasure` × 100. */
  masteryScore: number;
  /** 2004 primary objective id: `<module-id>-mastery`. */
  primaryObjectiveId: string;
  /** One per module outcome, ids `<module-id>-<outcome-id>` (the runtime reports the same ids). */
  objectives: ObjectiveSpec[];
  durationMinutes: number;
}

export interface PackageSpec {
  scormVersion: ScormVersion;
  /** `<manifest identifier>`: stable across course versions so an LMS can recognise an update. */
  manifestIdentifier: string;
  courseId: string;
  courseVersion: string;
  title: string;
  description: string;
  language: string;
  organizationIdentifier: string;
  scos: ScoSpec[];
  /** Asset resource holding every file that is not a SCO launch page (CSS, JS, fonts, index.html). */
  sharedResourceIdentifier: string;
  sharedFiles: string[];
}

/** The slice of the course model packaging needs; a full `Course` fits. */
export interface PackageCourseInput {
  meta: Pick<CourseMeta, 'id' | 'title' | 'version' | 'description' | 'language'>;
  modules: { meta: Pick<ModuleMeta, 'id' | 'title' | 'duration_minutes' | 'pass_mark' | 'outcomes'> }[];
}

/** An expected packaging failure: the CLI prints the message without a stack trace. */
export class PackagingError extends Error {
  override name = 'PackagingError';
}

export const MANIFEST_FILE = 'imsmanifest.xml';

/** SCORM 1.2's CP schema caps titles at 200 characters; an LMS may reject longer ones. */
const MAX_TITLE_LENGTH = 200;

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export function isNcName(value: string): boolean {
  return NCNAME.test(value);
}

/** The launch page the Astro build writes for a module. */
export function launchFileFor(moduleId: string): string {
  return `${moduleId}.html`;
}

/**
 * @param files package-relative POSIX paths of everything that goes in the zip
 *   besides the manifest (normally every file under dist/).
 * @throws PackagingError when a launch page is missing, the manifest name is taken,
 *   an id cannot become an XML identifier, or two objectives share an id.
 */
export function buildPackageSpec(course: PackageCourseInput, scormVersion: ScormVersion, files: string[]): PackageSpec {
  const fileSet = new Set(files);
  if (fileSet.has(MANIFEST_FILE))
    throw new PackagingError(`${MANIFEST_FILE} is already among the files to package; the packager writes it`);
  checkTitle(`course "${course.meta.id}"`, course.meta.title);

  const seenObjectiveIds = new Map<string, string>();
  const claimObjectiveId = (id: string, owner: string) => {
    const previous = seenObjectiveIds.get(id);
    if (previous !== undefined)
      throw new PackagingError(`objective id "${id}" is used by both ${previous} and ${owner}; LMS reports could not tell them apart`);
    seenObjectiveIds.set(id, owner);
  };

  const scos = course.modules.map(({ meta }): ScoSpec => {
    const launchHref = launchFileFor(meta.id);
    if (!fileSet.has(launchHref))
      throw new PackagingError(`module "${meta.id}": launch page ${launchHref} is not in the build output`);
    checkTitle(`module "${meta.id}"`, meta.title);
    const primaryObjectiveId = `${meta.id}-mastery`;
    claimObjectiveId(primaryObjectiveId, `module "${meta.id}" (mastery)`);
    const objectives = meta.outcomes.map((outcome) => {
      const id = objectiveId(meta.id, outcome.id);
      claimObjectiveId(id, `module "${meta.id}" outcome "${outcome.id}"`);
      return { id, title: outcome.title };
    });
    return {
      moduleId: meta.id,
      itemIdentifier: `item-${meta.id}`,
      resourceIdentifier: `res-${meta.id}`,
      title: meta.title,
      launchHref,
      masteryScore: meta.pass_mark,
      primaryObjectiveId,
      objectives,
      durationMinutes: meta.duration_minutes,
    };
  });

  // Prefixes keep identifiers NCNames even though slugs may start with a digit,
  // and keep the kinds apart (a module called "shared" cannot clash with the asset resource).
  const spec: PackageSpec = {
    scormVersion,
    manifestIdentifier: `course-${course.meta.id}`,
    courseId: course.meta.id,
    courseVersion: course.meta.version,
    title: course.meta.title,
    description: course.meta.description,
    language: course.meta.language,
    organizationIdentifier: `org-${course.meta.id}`,
    scos,
    sharedResourceIdentifier: 'shared-assets',
    sharedFiles: [...fileSet].filter((file) => !scos.some((sco) => sco.launchHref === file)).sort(),
  };
  for (const identifier of allIdentifiers(spec))
    if (!isNcName(identifier)) throw new PackagingError(`"${identifier}" is not a valid XML identifier (NCName)`);
  return spec;
}

export function allIdentifiers(spec: PackageSpec): string[] {
  return [
    spec.manifestIdentifier,
    spec.organizationIdentifier,
    spec.sharedResourceIdentifier,
    ...spec.scos.flatMap((sco) => [sco.itemIdentifier, sco.resourceIdentifier]),
  ];
}

function checkTitle(owner: string, title: string): void {
  if (title.length > MAX_TITLE_LENGTH)
    throw new PackagingError(`${owner}: title is ${title.length} characters; SCORM allows at most ${MAX_TITLE_LENGTH}`);
}
