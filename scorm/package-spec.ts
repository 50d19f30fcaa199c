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

/** 'course' for the whole course, or the id of the one module a per-module package holds. */
export type PackageScope = 'course' | (string & {});

export interface PackageSpec {
  scormVersion: ScormVersion;
  scope: PackageScope;
  /** `<manifest identifier>`: stable across course versions so an LMS can recognise an update. */
  manifestIdentifier: string;
  courseId: string;
  courseVersion: string;
  title: string;
  description: string;
  language: string;
  keywords: string[];
  organizationIdentifier: string;
  scos: ScoSpec[];
  /** Asset resource holding every file that is not a SCO launch page (CSS, JS, fonts, index.html). */
  sharedResourceIdentifier: string;
  sharedFiles: string[];
}

/** The slice of the course model packaging needs; a full `Course` fits. */
export interface PackageCourseInput {
  meta: Pick<CourseMeta, 'id' | 'title' | 'version' | 'description' | 'language'> & Partial<Pick<CourseMeta, 'keywords'>>;
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

/** The modules a package of this scope holds. @throws PackagingError for a module the course does not have */
export function modulesInScope<T extends PackageCourseInput['modules'][number]>(modules: T[], scope: PackageScope): T[] {
  if (scope === 'course') return modules;
  const found = modules.filter(({ meta }) => meta.id === scope);
  if (found.length === 0) throw new PackagingError(`no module "${scope}" in the course (it has ${modules.map(({ meta }) => meta.id).join(', ')})`);
  return found;
}

/**
 * The files a package of this scope ships: everything, except that a per-module
 * package leaves out the other modules' pages (it must report only its module).
 */
export function filesInScope(course: PackageCourseInput, files: string[], scope: PackageScope): string[] {
  if (scope === 'course') return files;
  const otherPages = new Set(course.modules.filter(({ meta }) => meta.id !== scope).map(({ meta }) => launchFileFor(meta.id)));
  return files.filter((file) => !otherPages.has(file));
}

/**
 * @param files package-relative POSIX paths of everything that goes in the zip
 *   besides the manifest (normally every file under dist/); for a module scope,
 *   pass the result of `filesInScope`.
 * @param scope 'course' for one SCO per module, or a module id for a package of that module alone.
 * @throws PackagingError when a launch page is missing, the manifest name is taken,
 *   an id cannot become an XML identifier, or two objectives share an id.
 */
export function buildPackageSpec(course: PackageCourseInput, scormVersion: ScormVersion, files: string[], scope: PackageScope = 'course'): PackageSpec {
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

  const scos = modulesInScope(course.modules, scope).map(({ meta }): ScoSpec => {
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
  // A module package has its own identifier: an LMS must not take it for an update of the whole course.
  const scopeSuffix = scope === 'course' ? '' : `-module-${scope}`;
  const spec: PackageSpec = {
    scormVersion,
    scope,
    manifestIdentifier: `course-${course.meta.id}${scopeSuffix}`,
    courseId: course.meta.id,
    courseVersion: course.meta.version,
    title: scope === 'course' ? course.meta.title : `${scos[0]!.title} (${course.meta.title})`.slice(0, MAX_TITLE_LENGTH),
    description: course.meta.description,
    language: course.meta.language,
    keywords: course.meta.keywords ?? [],
    organizationIdentifier: `org-${course.meta.id}${scopeSuffix}`,
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
