import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { RuntimeItem } from '../../src/lib/quiz-model.ts';
import { STRUCTURE_RULES, WCAG_22_AA } from './support/axe-scan.ts';
import { answers, currentItem, firstModule, perAttempt, quiz } from './support/course.ts';
import { launch, openStandIn, packages } from './support/stand-in.ts';

const moduleFile = `${firstModule.meta.id}.html`;

/** axe on the course inside the stand-in's iframe (the stand-in's own controls are not the course). */
async function courseViolations(page: Page): Promise<string[]> {
  const builder = () => new AxeBuilder({ page }).include('[data-testid="course-frame"]');
  const found = [...(await builder().withTags(WCAG_22_AA).analyze()).violations, ...(await builder().withRules(STRUCTURE_RULES).analyze()).violations];
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** URL of a file inside the SCORM 2004 zip, served by the stand-in (no LMS API: standalone mode). */
async function packageUrl(page: Page, file: string): Promise<string> {
  await openStandIn(page);
  const zip = (await packages(page)).find((p) => p.scormVersion === '2004')!.file;
  return `/packages/${zip}/${file}`;
}

test('the scan reaches inside the course frame (a planted fault is found)', async ({ page }) => {
  await openStandIn(page);
  await launch(page, { version: '1.2', learner: { id: 'axe-canary' } });
  const frame = page.frames().find((f) => f.url().includes(moduleFile))!;
  await frame.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:,';
    document.querySelector('article.current')?.append(img);
  });
  expect((await courseViolations(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
});

// Every screen at every width and in both colour schemes: tests/e2e/axe-screens.spec.ts (screens in support/screens.ts).

test.describe('keyboard only', () => {
  test('completes a module with the keyboard, focus always visible and never lost', async ({ page }) => {
    await page.goto(await packageUrl(page, moduleFile));
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          tag: el?.tagName ?? '',
          text: (el?.textContent ?? '').trim().slice(0, 80),
          label: el?.getAttribute('aria-label') ?? '',
          id: el?.id ?? '',
          type: el instanceof HTMLInputElement ? el.type : '',
          value: el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.value : '',
          visible: el ? el.matches(':focus-visible') || el.tabIndex === -1 : false,
        };
      });

    // Skip link first.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Skip to main content', visible: true });

    async function tabTo(name: RegExp, role: 'link' | 'button'): Promise<void> {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        expect(now.tag, 'focus fell back to the page body').not.toBe('BODY');
        if ((role === 'link' ? now.tag === 'A' : now.tag === 'BUTTON') && name.test(now.text)) {
          expect(now.visible, `focus indicator on ${now.text}`).toBe(true);
          return;
        }
      }
      throw new Error(`could not reach ${role} ${name} with Tab`);
    }

    type Focused = Awaited<ReturnType<typeof focused>>;
    async function tabToControl(wanted: (now: Focused) => boolean, what: string): Promise<void> {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        expect(now.tag, 'focus fell back to the page body').not.toBe('BODY');
        if (wanted(now)) {
          expect(now.visible, `focus indicator on ${what}`).toBe(true);
          return;
        }
      }
      throw new Error(`could not reach ${what} with Tab`);
    }

    /** Answers the item on screen rightly with Tab, Space, arrows, Enter and typing only. */
    async function answerByKeyboard(item: RuntimeItem): Promise<void> {
      const response = answers.right(item);
      const form = page.locator('form.question');
      if (response.kind === 'choice' && 'options' in item) {
        const shown = await form.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
        const wanted = response.chosen.map((i) => item.options[i]!.id);
        await tabToControl((now) => now.tag === 'INPUT', `the first option of ${item.id}`);
        if (item.type === 'multiple') {
          for (const [n, id] of shown.entries()) {
            if (n > 0) await page.keyboard.press('Tab');
            if (wanted.includes(id)) await page.keyboard.press('Space');
          }
        } else {
          // Arrow keys move and select within a radio group.
          const target = shown.indexOf(wanted[0]!);
          if (target === 0) await page.keyboard.press('Space');
          for (let step = 0; step < target; step++) await page.keyboard.press('ArrowDown');
        }
      } else if (response.kind === 'matching' && item.type === 'matching') {
        for (const [p, prompt] of item.prompts.entries()) {
          await tabToControl((now) => now.id === `q-${item.id}-${prompt.id}`, `the answer list for ${prompt.id}`);
          for (let n = 0; n < 12 && (await focused()).value !== String(response.answers[p]); n++) await page.keyboard.press('ArrowDown');
          expect((await focused()).value).toBe(String(response.answers[p]));
        }
      } else if (response.kind === 'ordering' && item.type === 'ordering') {
        for (const [target, step] of response.order.entries()) {
          const text = item.steps[step]!.text;
          let at = (await form.locator('.step-text').allTextContents()).indexOf(text);
          if (at > target) await tabToControl((now) => now.label === `Move up: ${text}`, `Move up: ${text}`);
          // Focus stays with the moved step, so Enter keeps moving it.
          for (; at > target; at--) await page.keyboard.press('Enter');
          expect((await form.locator('.step-text').allTextContents())[target]).toBe(text);
        }
      } else if (response.kind === 'text') {
        await tabToControl((now) => now.tag === 'INPUT' && now.type === 'text', 'the answer box');
        await page.keyboard.type(response.text);
      }
    }

    for (let i = 1; i < firstModule.lessons.length; i++) {
      await tabTo(new RegExp(`^Next: ${firstModule.lessons[i]!.meta.title}`), 'link');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused()).text).toBe(firstModule.lessons[i]!.meta.title);
    }
    await tabTo(new RegExp(`^Next: ${quiz.title}`), 'link');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).text).toBe(quiz.title);
    await tabTo(/^Start the quiz/, 'button');
    await page.keyboard.press('Enter');

    for (let index = 0; index < perAttempt; index++) {
      await expect.poll(async () => (await focused()).text).toBe(`Question ${index + 1} of ${perAttempt}`);
      const item = await currentItem(page);
      await answerByKeyboard(item);
      await tabTo(index === perAttempt - 1 ? /^Finish the quiz$/ : /^Next question$/, 'button');
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await focused()).text).toBe('You passed');
  });
});

test.describe('lesson components by keyboard', () => {
  async function lesson(page: Page, slug: string) {
    await page.goto(await packageUrl(page, moduleFile));
    await page.goto(`${page.url().split('#')[0]}#lesson-${slug}`);
    return page.locator('.view.current');
  }
  const focusedText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

  test('Reveal and a glossary term open and close with Enter and Space', async ({ page }) => {
    const view = await lesson(page, 'navigating-your-site');
    const reveal = view.locator('.reveal').first();
    const show = reveal.getByRole('button', { name: 'Show answer' });
    await expect(reveal.locator('.reveal-answer')).toBeHidden();
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(reveal.locator('.reveal-answer')).toBeVisible();
    await expect(reveal.getByRole('button', { name: 'Hide answer' })).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Space');
    await expect(reveal.locator('.reveal-answer')).toBeHidden();

    const term = view.locator('.term-button').first();
    await term.focus();
    await page.keyboard.press('Enter');
    await expect(term).toHaveAttribute('aria-expanded', 'true');
    await expect(view.locator('.term-definition').first()).toBeVisible();
  });

  test('Sort: arrow keys choose a group, Tab moves to the next example, Enter checks', async ({ page }) => {
    const view = await lesson(page, 'questioning-techniques');
    const sort = view.locator('.sort');
    const groups = sort.locator('fieldset.sort-choices');
    await groups.nth(0).getByRole('radio', { name: 'Open' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect(groups.nth(1).getByRole('radio', { name: 'Closed' })).toBeChecked();
    await sort.getByRole('button', { name: 'Check my answers' }).focus();
    await page.keyboard.press('Enter');
    await expect(sort.getByRole('status')).toHaveText('2 of 6 in the right group. 4 still to choose.');
    await expect(sort.locator('.sort-item').nth(0)).toContainText('Right: Open.');
  });

  test('printing shows every answer, the model reply and definitions, without the buttons', async ({ page }) => {
    const view = await lesson(page, 'questioning-techniques');
    await page.emulateMedia({ media: 'print' });
    await expect(view.locator('.sort-answer').first()).toBeVisible();
    await expect(view.locator('.sort-answer').first()).toHaveText(/^Open\. /);
    await expect(view.locator('.sort-choices').first()).toBeHidden();
    await expect(view.locator('.wwys-model')).toBeVisible();
    await expect(view.locator('.wwys-form')).toBeHidden();
    await expect(view.locator('.term-definition').first()).toBeVisible();
    // In print every lesson shows, not only the current one.
    const second = page.locator('#lesson-navigating-your-site');
    await expect(second.locator('.reveal-answer').first()).toBeVisible();
    await expect(second.locator('.reveal-button').first()).toBeHidden();
  });

  test('What would you say: type a reply, compare with Enter, focus lands on the comparison', async ({ page }) => {
    const view = await lesson(page, 'questioning-techniques');
    const box = view.locator('[data-wwys]');
    await box.getByLabel('Your reply').focus();
    await page.keyboard.type('<b>Hello</b>, have you sent a reading online before?');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Compare with a model answer');
    await page.keyboard.press('Enter');
    await expect(box.locator('[data-wwys-comparison]')).toBeFocused();
    await expect(box.locator('[data-wwys-your-text]')).toHaveText('<b>Hello</b>, have you sent a reading online before?');
    await expect(box.getByText('A model answer')).toBeVisible();
  });
});

test.describe('reflow, zoom and motion', () => {
  // No sideways scrolling at 320 and 640 px: checked on every screen by tests/e2e/axe-screens.spec.ts.

  test('on a phone the module contents start folded and open from the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(await packageUrl(page, moduleFile));
    const nav = page.getByRole('navigation', { name: 'Module contents' });
    await expect(nav.getByRole('link', { name: quiz.title })).toBeHidden();
    await nav.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('link', { name: quiz.title })).toBeVisible();
    await nav.getByRole('link', { name: quiz.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: quiz.title })).toBeFocused();
    await expect(nav.getByRole('link', { name: quiz.title })).toBeHidden();
  });

  test('body text is at least 16px and prefers-reduced-motion turns off motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(await packageUrl(page, moduleFile));
    const styles = await page.evaluate(() => {
      const all = [...document.querySelectorAll('body *')].map((el) => getComputedStyle(el));
      return {
        bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
        moving: all.filter((s) => parseFloat(s.transitionDuration) > 0 || parseFloat(s.animationDuration) > 0).length,
      };
    });
    expect(styles.bodyFont).toBeGreaterThanOrEqual(16);
    expect(styles.moving).toBe(0);
  });
});
