/**
 * How a shared page (course home, reflective account) marks the blocks that a
 * one-module package changes. The build writes every block, so dist/ and the
 * whole-course packages show the whole course; scorm/module-scope.ts rewrites
 * the pages of each module package by these marks alone.
 *
 * Put the attribute on an element with a closing tag, e.g.
 * `<li data-package-scope={scopeForModules([id])}>`.
 */
export const PACKAGE_SCOPE_ATTRIBUTE = 'data-package-scope';

/** Kept only in the whole-course packages, e.g. "Together they take about 12 hours". */
export const COURSE_PACKAGE_ONLY = 'course-package';

/** Built with `hidden`; a module package shows it, e.g. "This activity holds one module". */
export const MODULE_PACKAGE_ONLY = 'module-package';

const MODULE_PREFIX = 'module:';

/** Kept in the whole course and in the package of any of these modules, e.g. a module's entry on the course home. */
export function scopeForModules(moduleIds: readonly string[]): string {
  return moduleIds.map((id) => `${MODULE_PREFIX}${id}`).join(' ');
}

export type PackageScopeMark = { kind: 'course-package' } | { kind: 'module-package' } | { kind: 'modules'; moduleIds: string[] };

/** The mark an attribute value stands for, or undefined when it is none of the three forms. */
export function parsePackageScope(value: string): PackageScopeMark | undefined {
  if (value === COURSE_PACKAGE_ONLY) return { kind: 'course-package' };
  if (value === MODULE_PACKAGE_ONLY) return { kind: 'module-package' };
  const tokens = value.split(' ');
  if (!tokens.every((token) => token.startsWith(MODULE_PREFIX) && token.length > MODULE_PREFIX.length)) return undefined;
  return { kind: 'modules', moduleIds: tokens.map((token) => token.slice(MODULE_PREFIX.length)) };
}
