import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, realCourse } from '../support/real-course.ts';

// Vendored from ../shared/seeds so this always runs (tests/fixtures/seeds/README.md).
const SEEDS = join(PROJECT_ROOT, 'tests/fixtures/seeds');
const course = realCourse();

/**
 * Compare wording, not layout: the seed files wrap lines, use bullets, curly quotes and
 * markdown bold, and one breaks a word at a hyphen ("on- line").
 */
function normalise(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/(\w)- (\w)/g, '$1-$2')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/<\/?li>|<\/?ul>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim()
    .toLowerCase();
}

describe('standards catalogue', () => {
  it('holds the 102 criteria of the four seed standards, each once', () => {
    const ids = [...course.catalogue.byId.keys()];
    const count = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).length;
    expect(ids).toHaveLength(102);
    expect({ CFACSD4: count('CFACSD4.'), U219: count('U219.'), D4: count('D4.'), INSCS001: count('INSCS001.') }).toEqual({ CFACSD4: 19, U219: 11, D4: 18, INSCS001: 54 });
  });

  it('quotes every criterion word for word from its seed file', () => {
    const mismatches: string[] = [];
    for (const standard of course.catalogue.standards) {
      const seed = normalise(readFileSync(join(SEEDS, standard.seed_file), 'utf8'));
      for (const outcome of standard.outcomes)
        for (const criterion of outcome.criteria) if (!seed.includes(normalise(criterion.text))) mismatches.push(`${criterion.id}: "${criterion.text}"`);
    }
    expect(mismatches).toEqual([]);
  });
});
