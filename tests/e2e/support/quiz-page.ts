import type { Page } from '@playwright/test';
import { moduleConfigFor } from '../../../src/course/module-config.ts';
import { attemptLayout } from '../../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz, type RuntimeItem, type RuntimeQuiz } from '../../../src/lib/quiz-model.ts';
import { newSeed } from '../../../src/lib/quiz-random.ts';
import { course, firstModule, quiz } from './course.ts';

/** Module 1's page with a known draw or other quiz settings (quiz.spec.ts, and the accessibility scan's practice mode). */
export const MODULE_PAGE = `/${firstModule.meta.id}.html`;
export const ALL_TYPES = ['single', 'multiple', 'true-false', 'best-reply', 'matching', 'ordering', 'fill-in'];

/** A Math.random value whose attempt draws every item type, so one attempt covers them all. */
export const coveringRandom = (() => {
  for (let k = 1; k < 1000; k++) {
    const value = k / 1000;
    const types = new Set(attemptLayout(quiz, newSeed(() => value)).items.map((i) => quiz.items[i]!.type));
    if (ALL_TYPES.every((type) => types.has(type as RuntimeItem['type']))) return value;
  }
  throw new Error('no seed draws every item type: check the module 1 banks');
})();

/** Fixes Math.random in the course page (not the stand-in), so the attempt's seed is known. */
export async function fixRandom(page: Page, value: number): Promise<void> {
  await page.addInitScript(
    ([path, fixed]) => {
      if (location.pathname.endsWith(path as string)) Math.random = () => fixed as number;
    },
    [MODULE_PAGE, value] as const,
  );
}

/** Serves the module page with its quiz replaced (same items, other settings), as a module author could set it. */
export async function serveQuizAs(page: Page, settings: Record<string, unknown>): Promise<RuntimeQuiz> {
  const mod = { ...firstModule, quiz: { ...firstModule.quiz!, ...settings } };
  const config = moduleConfigFor(course, mod as typeof firstModule);
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  await page.route((url) => url.pathname.startsWith('/packages/') && url.pathname.endsWith(MODULE_PAGE), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<script type="application\/json" id="module-config">)[\s\S]*?(<\/script>)/, (_, open: string, close: string) => open + json + close);
    // The new body is longer: drop the original length so the page is not cut short.
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.toLowerCase() !== 'content-length'));
    await route.fulfill({ status: response.status(), headers, body: html });
  });
  return toRuntimeQuiz(mod.meta.id, mod.quiz as NonNullable<typeof firstModule.quiz>, mod.meta.pass_mark, mod.meta.outcomes);
}
