import { expect, test } from '@playwright/test';
import { course } from './support/course.ts';
import { courseFrame, launch, openStandIn, packages } from './support/stand-in.ts';

/**
 * Every lesson of every module, read in the stand-in LMS as a learner would: Next after Next, using each
 * lesson component on the way (answers, sorts, replies, glossary terms). No console error anywhere.
 */
for (const mod of course.modules) {
  test(`${mod.meta.id}: a learner reads every lesson and uses its components without console errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await openStandIn(page);
    const zip = (await packages(page)).find((p) => p.scormVersion === '2004')!;
    const sco = zip.scos.find((s) => s.href === `${mod.meta.id}.html`);
    expect(sco, `no SCO launches ${mod.meta.id}.html`).toBeDefined();
    await launch(page, { version: '2004', zip: zip.file, sco: sco!.identifier, learner: { id: `reader-${mod.meta.id}` } });
    const frame = courseFrame(page);

    for (const [i, lesson] of mod.lessons.entries()) {
      if (i > 0) await frame.getByRole('link', { name: `Next: ${lesson.meta.title}` }).click();
      const view = frame.locator('.view.current');
      await expect(view.getByRole('heading', { level: 1, name: lesson.meta.title })).toBeVisible();
      // Terms inside a hidden model answer appear only after Compare: open what the learner can see.
        for (const button of await view.locator('.reveal-button, .term-button').all()) if (await button.isVisible()) await button.click();
      for (const sort of await view.locator('.sort').all()) {
        for (const group of await sort.locator('fieldset.sort-choices').all()) await group.getByRole('radio').first().check();
        await sort.getByRole('button', { name: 'Check my answers' }).click();
        await expect(sort.getByRole('status')).toContainText('in the right group');
      }
      for (const reply of await view.locator('[data-wwys]').all()) {
        await reply.getByLabel('Your reply').fill('Sorry about that. What happens when you press Continue?');
        await reply.getByRole('button', { name: /Compare/ }).click();
        await expect(reply.locator('[data-wwys-comparison]')).toBeVisible();
      }
    }
    expect(errors).toEqual([]);
  });
}
