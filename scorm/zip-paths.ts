/**
 * The path rules for every zip entry, the same for the zips we write and the zips
 * we read: an entry that breaks one could land outside the folder an LMS unpacks
 * into (zip slip) or mean different files on different systems.
 * @returns what is wrong with `path`, or undefined when it is fine
 */
export function zipPathProblem(path: string): string | undefined {
  if (path === '' || path.endsWith('/')) return 'needs a file name (directory entries are not written)';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'must be relative (absolute path)';
  if (path.includes('\\')) return 'use "/" as the separator (backslash in the path)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return 'has a control character in its name';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..'))
    return 'has an empty, "." or ".." segment (path traversal)';
  return undefined;
}
