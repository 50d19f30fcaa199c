import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { RuntimeItem } from '../../src/lib/quiz-model.ts';
import { answerCurrent, answers, course, currentItem, firstModule, openQuiz, perAttempt, quiz } from './support/course.ts';
import { moduleConfigFor } from '../../src/course/module-config.ts';
import { walk } from '../../src/lib/scenario-engine.ts';
import { bestPathFrom } from '../../src/lib/scenario-graph.ts';
import { closeCourse, courseFrame, launch, openStandIn, packages } from './support/stand-in.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Structure rules axe files under best practice, which the WCAG tags leave out: headings, landmarks, skip link. */
const STRUCTURE_RULES = ['heading-order', 'page-has-heading-one', 'landmark-one-main', 'landmark-unique', 'region', 'skip-link', 'html-has-lang', 'image-alt'];
const moduleFile = `${firstModule.meta.id}.html`;
const practice = course.modules.find((m) => m.meta.id === 'practice')!;
const scenarioForAxe = moduleConfigFor(course, practice).views.flatMap((v) => (v.kind === 'scenario' ? [v.scenario] : []))[0]!;

/** axe on the course inside the stand-in's iframe (the stand-in's own controls are not the course). */
async function courseViolations(page: Page) {
  return violations(() => new AxeBuilder({ page }).include('[data-testid="course-frame"]'));
}

async function pageViolations(page: Page) {
  return violations(() => new AxeBuilder({ page }));
}

async function violations(builder: () => AxeBuilder): Promise<string[]> {
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

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, WCAG 2.2 AA, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    test('module page: lesson, resume prompt, quiz question, feedback and result have no violations', async ({ page }) => {
      await openStandIn(page);
      const learner = { id: `axe-${scheme}` };
      await launch(page, { version: '2004', learner });
      const frame = courseFrame(page);
      await expect(frame.getByRole('heading', { level: 1, name: firstModule.lessons[0]!.meta.title })).toBeVisible();
      expect(await courseViolations(page), 'lesson view').toEqual([]);

      await openQuiz(frame);
      await frame.getByRole('button', { name: 'Start the quiz' }).click();
      await expect(frame.getByText(`Question 1 of ${perAttempt}`)).toBeVisible();
      expect(await courseViolations(page), 'quiz question').toEqual([]);

      // Every item type drawn is scanned once, answered (half of them wrongly) as it is shown.
      const scanned = new Set<string>();
      let errorShown = false;
      for (let i = 0; i < perAttempt; i++) {
        await expect(frame.getByText(`Question ${i + 1} of ${perAttempt}`)).toBeVisible();
        const item = await currentItem(frame);
        // Moving on without an answer shows the error (an ordering item always has one: its starting order).
        if (!errorShown && item.type !== 'ordering') {
          await frame.getByRole('button', { name: 'Next question' }).click();
          await expect(frame.getByRole('alert')).toBeVisible();
          expect(await courseViolations(page), 'quiz error message').toEqual([]);
          errorShown = true;
        }
        await answerCurrent(frame, item, i % 2 === 0);
        if (!scanned.has(item.type)) {
          scanned.add(item.type);
          expect(await courseViolations(page), `quiz item of type ${item.type}`).toEqual([]);
        }
        await frame.getByRole('button', { name: i === perAttempt - 1 ? 'Finish the quiz' : 'Next question' }).click();
      }
      await expect(frame.locator('.result h2')).toBeVisible();
      expect(await courseViolations(page), 'quiz result and review').toEqual([]);

      await frame.getByRole('button', { name: 'Try the quiz again' }).click();
      await closeCourse(page);
      await launch(page, { version: '2004', learner });
      await expect(frame.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
      expect(await courseViolations(page), 'resume prompt').toEqual([]);
    });

    test('practice scenario: mid-conversation and debrief have no violations', async ({ page }) => {
      await page.goto(`${await packageUrl(page, 'practice.html')}#scenario-${scenarioForAxe.id}`);
      const view = page.locator(`#scenario-${scenarioForAxe.id}`);
      const path = bestPathFrom(scenarioForAxe)!;
      for (const [step, choice] of path.entries()) {
        await view.getByRole('button', { name: walk(scenarioForAxe, path.slice(0, step)).current.choices[choice]!.say, exact: true }).click();
        if (step === 2) expect(await pageViolations(page), 'mid-conversation').toEqual([]);
      }
      await expect(view.getByRole('heading', { level: 2, name: /^Ending: / })).toBeVisible();
      expect(await pageViolations(page), 'debrief').toEqual([]);
    });

    test('lesson components, closed and opened, have no violations', async ({ page }) => {
      // Module 1 uses every lesson component: Journey and Reveal (lesson 1), Screen, Field, ScreenButton,
      // ScreenMenu and Reveal (lesson 2), Sort and WhatWouldYouSay (lessons 3 and 4), glossary terms (all).
      await page.setViewportSize({ width: 800, height: 900 });
      await page.goto(await packageUrl(page, moduleFile));
      for (const lesson of firstModule.lessons) {
        await page.goto(`${page.url().split('#')[0]}#lesson-${lesson.slug}`);
        const view = page.locator('.view.current');
        await expect(view.getByRole('heading', { level: 1, name: lesson.meta.title })).toBeVisible();
        expect(await pageViolations(page), `${lesson.slug}, closed`).toEqual([]);
        // Terms inside a hidden model answer appear only after Compare: open what the learner can see.
        for (const button of await view.locator('.reveal-button, .term-button').all()) if (await button.isVisible()) await button.click();
        for (const sort of await view.locator('.sort').all()) {
          await sort.getByRole('radio').first().check();
          await sort.getByRole('button', { name: 'Check my answers' }).click();
        }
        for (const reply of await view.locator('[data-wwys]').all()) {
          await reply.getByRole('button', { name: 'Compare with a model answer' }).click();
          await expect(reply.getByText('Write your reply first, then compare it.')).toBeVisible();
          await reply.getByLabel('Your reply').fill('Sorry about that. What happens when you press Pay?');
          await reply.getByRole('button', { name: 'Compare with a model answer' }).click();
        }
        expect(await pageViolations(page), `${lesson.slug}, opened and checked`).toEqual([]);
      }
    });

    test('course home, tutor guide, glossary and coverage report have no violations', async ({ page }) => {
      for (const file of ['index.html', 'tutor-guide.html', 'glossary.html', 'criteria-coverage.html']) {
        await page.goto(await packageUrl(page, file));
        expect(await pageViolations(page), file).toEqual([]);
      }
    });
  });
}

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
  for (const width of [320, 640]) {
    test(`no horizontal scrolling of text at ${width} CSS px (${width === 640 ? '200% zoom of 1280' : 'phone'})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const file of [moduleFile, 'index.html', 'tutor-guide.html', 'glossary.html', 'criteria-coverage.html']) {
        await page.goto(await packageUrl(page, file));
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${file} scrolls sideways`).toBeLessThanOrEqual(0);
      }
    });
  }

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
