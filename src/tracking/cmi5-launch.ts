/**
 * The five query parameters a cmi5 LMS appends to an AU's URL. Kept apart from
 * the adapter so every page can check for a cmi5 launch without loading it.
 */
export interface Cmi5Launch {
  /** xAPI endpoint, always ending in '/'. */
  endpoint: string;
  /** One-time URL that hands out the session's auth token. */
  fetchUrl: string;
  /** The learner as an xAPI Agent. */
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

const REQUIRED = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/**
 * @returns null when the page was not launched by a cmi5 LMS (none of the
 *   parameters present); an Error naming what is wrong when only some are, or
 *   `actor` is not an Agent, so the page can say the launch is broken.
 */
export function readCmi5Launch(search: string): Cmi5Launch | Error | null {
  const params = new URLSearchParams(search);
  const present = REQUIRED.filter((name) => params.get(name));
  if (present.length === 0) return null;
  const missing = REQUIRED.filter((name) => !params.get(name));
  if (missing.length > 0) return new Error(`cmi5 launch URL: missing ${missing.join(', ')}`);
  let actor: unknown;
  try {
    actor = JSON.parse(params.get('actor')!);
  } catch {
    return new Error('cmi5 launch URL: actor is not JSON');
  }
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor)) return new Error('cmi5 launch URL: actor is not an xAPI Agent object');
  const endpoint = params.get('endpoint')!;
  return {
    endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
    fetchUrl: params.get('fetch')!,
    actor: actor as Record<string, unknown>,
    registration: params.get('registration')!,
    activityId: params.get('activityId')!,
  };
}
