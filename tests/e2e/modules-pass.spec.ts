import { expect, test } from '@playwright/test';
import { attemptSize } from '../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz } from '../../src/lib/quiz-model.ts';
import { answerItems, course, moduleContents } from './support/course.ts';
import { closeCourse, courseFrame, launch, liveCmi, openStandIn, packages, storedCmi } from './support/stand-in.ts';

/**
 * Every module with a quiz, as a learner who has learned it: read every lesson in the stand-in, then pass the
 * quiz. The LMS must hold passed and completed for that module's SCO. No console error on the way.
 */
for (const mod of course.modules.filter((m) => m.quiz !== null)) {
  test(`${mod.meta.id}: read every lesson, pass the quiz, the LMS records passed and completed`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const quiz = toRuntimeQuiz(mod.meta.id, mod.quiz!, mod.meta.pass_mark, mod.meta.outcomes);
    await openStandIn(page);
    const zip = (await packages(page)).find((p) => p.scormVersion === '2004' && p.scos.length > 1)!;
    const sco = zip.scos.find((s) => s.href === `${mod.meta.id}.html`)!;
    const launched = await launch(page, { version: '2004', zip: zip.file, sco: sco.identifier, learner: { id: `pass-${mod.meta.id}` } });
    const frame = courseFrame(page);
    for (const [i, lesson] of mod.lessons.entries()) {
      if (i > 0) await frame.getByRole('link', { name: `Next: ${lesson.meta.title}` }).click();
      await expect(frame.getByRole('heading', { level: 1, name: lesson.meta.title })).toBeVisible();
    }
    await (await moduleContents(frame)).getByRole('link', { name: quiz.title, exact: true }).click();
    await frame.getByRole('button', { name: 'Start the quiz' }).click();
    await answerItems(frame, 0, attemptSize(quiz), () => true, quiz.items, quiz.mode);
    await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
    const live = (await liveCmi(page))!.cmi as Record<string, unknown>;
    expect([live['completion_status'], live['success_status']]).toEqual(['completed', 'passed']);
    await closeCourse(page);
    expect(((await storedCmi(page, launched))!.cmi as Record<string, unknown>)['success_status']).toBe('passed');
    expect(errors).toEqual([]);
  });
}
