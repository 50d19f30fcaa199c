import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { criteriaHomesSchema } from '../schemas/criteria-homes.ts';
import type { Catalogue } from './catalogue.ts';
import { formatPath, type ContentIssue } from './content-error.ts';
import type { CriteriaHomes } from './coverage.ts';

/**
 * Reads content/criteria-homes.yaml: every catalogue criterion must have exactly one home module.
 * Problems go into `issues`, each naming the criterion; returns undefined when the file is unusable.
 */
export function loadHomes(path: string, file: string, catalogue: Catalogue, issues: ContentIssue[]): CriteriaHomes | undefined {
  if (!existsSync(path)) {
    issues.push({ file, field: '', message: 'file is missing: list each criterion under its home module (see content/README.md)' });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    issues.push({ file, field: '', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const parsed = criteriaHomesSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ file, field: formatPath(issue.path), message: issue.message });
    return undefined;
  }
  const homes = new Map<string, string>();
  const before = issues.length;
  for (const [moduleId, ids] of Object.entries(parsed.data.homes))
    ids.forEach((id, i) => {
      const field = `homes.${moduleId}[${i}]`;
      if (!catalogue.byId.has(id)) issues.push({ file, field, message: `unknown criterion id "${id}"; expected an id listed in content/standards/*.yaml` });
      else if (homes.has(id)) issues.push({ file, field, message: `criterion ${id} is also listed under ${homes.get(id)}; a criterion has exactly one home module` });
      else homes.set(id, moduleId);
    });
  for (const id of catalogue.byId.keys())
    if (!homes.has(id)) issues.push({ file, field: 'homes', message: `criterion ${id} has no home module; list it under exactly one module` });
  return issues.length === before ? homes : undefined;
}
