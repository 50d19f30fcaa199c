import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { glossaryFileSchema, type GlossaryEntry } from '../schemas/glossary.ts';
import { formatPath, type ContentIssue } from './content-error.ts';

export interface GlossaryItem extends GlossaryEntry {
  /** The file it comes from (project-relative), e.g. `content/glossary/u219-lo1.yaml`. */
  file: string;
}

const GLOSSARY_FILE = /^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/;

/**
 * Reads content/glossary/*.yaml. Problems go into `issues` (the caller throws once for all of them):
 * a bad file name, a bad entry, or a term (or alias) defined twice, naming both files.
 * Returns the entries sorted by term, ready for the glossary page.
 */
export function loadGlossary(contentDir: string, issues: ContentIssue[], projectRoot = join(contentDir, '..')): GlossaryItem[] {
  const dir = join(contentDir, 'glossary');
  if (!existsSync(dir)) return [];
  // Stryker disable next-line StringLiteral: equivalent on POSIX, where relative() never yields backslashes; this only normalises Windows paths
  const display = (file: string) => relative(projectRoot, file).split('\\').join('/');
  const items: GlossaryItem[] = [];
  const owners = new Map<string, { file: string; field: string }>();
  const names = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  // Stryker disable next-line MethodExpression: equivalent, Node's readdirSync (libuv scandir) already lists names in sorted order; sort() keeps that explicit
  for (const name of names.sort()) {
    const file = display(join(dir, name));
    if (!GLOSSARY_FILE.test(name)) {
      issues.push({ file, field: '(file name)', message: 'name a glossary file after its module id, e.g. u219-lo2.yaml' });
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      issues.push({ file, field: '', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const result = glossaryFileSchema.safeParse(data ?? []);
    if (!result.success) {
      for (const issue of result.error.issues) issues.push({ file, field: formatPath(issue.path) || '(file)', message: issue.message });
      continue;
    }
    result.data.forEach((entry, i) => {
      [entry.term, ...entry.aliases].forEach((form, f) => {
        const field = f === 0 ? `[${i}].term` : `[${i}].aliases[${f - 1}]`;
        const key = form.toLowerCase();
        const owner = owners.get(key);
        if (owner)
          issues.push({ file, field, message: `"${form}" is already defined in ${owner.file} (${owner.field}); each term belongs to one glossary file` });
        else owners.set(key, { file, field });
      });
      items.push({ ...entry, file });
    });
  }
  return items.sort((a, b) => a.term.localeCompare(b.term, 'en-GB'));
}
