/**
 * What the stand-in server tells the stand-in page about each zip in `release/`.
 * Shared by the server (which reads the manifests) and the page (which launches SCOs),
 * so both sides agree on one shape.
 */
export type ScormVersion = '1.2' | '2004';

export interface ScoInfo {
  /** The manifest `<item identifier>`; part of the key the learner's attempt is stored under. */
  identifier: string;
  title: string;
  /** The resource's launch file, relative to the package root (`xml:base` already applied). */
  href: string;
  /** The item's `parameters` attribute (e.g. `?scorm=2004`), appended to `href` on launch; '' when absent. */
  parameters: string;
  /** SCORM 1.2 `adlcp:masteryscore`, given to the SCO as `cmi.student_data.mastery_score`. */
  masteryScore?: string;
  /** SCORM 1.2 `adlcp:datafromlms` / 2004 `adlcp:dataFromLMS`, given to the SCO as launch_data. */
  launchData?: string;
  /** SCORM 2004 `imsss:minNormalizedMeasure` of the primary objective, given as `cmi.scaled_passing_score`. */
  scaledPassingScore?: string;
}

export interface PackageInfo {
  /** The zip's file name in the release folder, e.g. `course-scorm2004.zip`. */
  file: string;
  scormVersion: ScormVersion;
  title: string;
  scos: ScoInfo[];
}
