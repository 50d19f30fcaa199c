import type { Criterion, Standard, StandardOutcome } from '../schemas/criterion.ts';
import type { ContentIssue } from './content-error.ts';

export interface CatalogueEntry {
  criterion: Criterion;
  standard: Standard;
  outcome: StandardOutcome;
  file: string;
}

export interface Catalogue {
  standards: Standard[];
  byId: ReadonlyMap<string, CatalogueEntry>;
}

/** Indexes every criterion by id and checks ids are unique and cross-references resolve. */
export function buildCatalogue(files: { standard: Standard; file: string }[], issues: ContentIssue[]): Catalogue {
  const byId = new Map<string, CatalogueEntry>();
  for (const { standard, file } of files) {
    standard.outcomes.forEach((outcome, o) =>
      outcome.criteria.forEach((criterion, c) => {
        if (!criterion.id.startsWith(`${standard.code}.`))
          issues.push({ file, field: `outcomes[${o}].criteria[${c}].id`, message: `"${criterion.id}" does not belong to standard ${standard.code}` });
        if (byId.has(criterion.id))
          issues.push({ file, field: `outcomes[${o}].criteria[${c}].id`, message: `duplicate criterion id "${criterion.id}" (also in ${byId.get(criterion.id)!.file})` });
        byId.set(criterion.id, { criterion, standard, outcome, file });
      }),
    );
  }
  for (const { criterion, file, standard } of byId.values()) {
    criterion.maps_to.forEach((target, i) => {
      const o = standard.outcomes.findIndex((out) => out.criteria.includes(criterion));
      const c = standard.outcomes[o]!.criteria.indexOf(criterion);
      const field = `outcomes[${o}].criteria[${c}].maps_to[${i}]`;
      const other = byId.get(target);
      if (!other) issues.push({ file, field, message: `unknown criterion id "${target}"` });
      else if (!other.criterion.maps_to.includes(criterion.id))
        // The mapping is many-to-many and read both ways (coverage, tutor guide), so it must be symmetric.
        issues.push({ file, field, message: `maps to "${target}" but ${other.file} does not map "${target}" back to "${criterion.id}"` });
    });
  }
  return { standards: files.map((f) => f.standard), byId };
}
