import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Structure rules axe files under best practice, which the WCAG tags leave out: headings, landmarks, skip link. */
const STRUCTURE_RULES = ['heading-order', 'page-has-heading-one', 'landmark-one-main', 'landmark-unique', 'region', 'skip-link', 'html-has-lang', 'image-alt'];

/** axe on the course inside the stand-in's iframe (the stand-in's own controls are not the course). */
export async function courseViolations(page: Page) {
  return violations(() => new AxeBuilder({ page }).include('[data-testid="course-frame"]'));
}

export async function pageViolations(page: Page) {
  return violations(() => new AxeBuilder({ page }));
}

async function violations(builder: () => AxeBuilder): Promise<string[]> {
  const found = [...(await builder().withTags(WCAG_22_AA).analyze()).violations, ...(await builder().withRules(STRUCTURE_RULES).analyze()).violations];
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
