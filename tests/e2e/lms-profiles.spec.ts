import { expect, test } from '@playwright/test';
import { firstModule, guessThenPass, perAttempt } from './support/course.ts';
import { apiCalls, closeCourse, courseFrame, launch, liveCmi, openStandIn, storedCmi } from './support/stand-in.ts';

type Cmi = Record<string, unknown>;

function entries(cmi: Cmi, key: 'objectives' | 'interactions'): Cmi[] {
  const value = cmi[key] as Cmi | Cmi[] | undefined;
  const list = Array.isArray(value) ? value : ((value?.['childArray'] as Cmi[] | undefined) ?? Object.values(value ?? {}));
  return list.filter((e): e is Cmi => typeof e === 'object' && e !== null && 'id' in e);
}

function statusAndScore(version: '1.2' | '2004', cmi: Cmi) {
  if (version === '1.2') {
    const core = cmi['core'] as Cmi;
    return { status: core['lesson_status'], raw: (core['score'] as Cmi)['raw'] };
  }
  return { status: cmi['success_status'], raw: (cmi['score'] as Cmi)['raw'] };
}

const NORMAL_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FALLBACK_ID = /^[A-Za-z0-9:]+$/;

for (const profile of ['strict', 'moodle', 'forma'] as const) {
  for (const version of ['1.2', '2004'] as const) {
    test(`${profile} profile, SCORM ${version}: read, fail, pass, close, relaunch: passed, 100, every record with a readable id`, async ({ page }) => {
      await openStandIn(page);
      const learner = { id: `${profile}-${version}`, name: 'Sam Student' };
      const launched = await launch(page, { version, learner, settings: { profile } });
      await guessThenPass(courseFrame(page));
      await closeCourse(page);
      const afterPass = (await storedCmi(page, launched))!;

      await launch(page, { version, learner, settings: { profile } });
      const live = (await liveCmi(page))!;
      const frame = courseFrame(page);
      await expect(frame.getByRole('heading', { level: 1 }).first()).toBeVisible();
      const reviewing = profile === 'moodle' && version === '1.2';
      if (reviewing) {
        expect((live.cmi['core'] as Cmi)['lesson_mode']).toBe('review');
        await expect(frame.getByText('You are reviewing this module')).toBeVisible();
      }
      await closeCourse(page);
      if (reviewing) {
        const writes = (await apiCalls(page)).filter((c) => c.method === 'LMSSetValue' && !/session_time$/.test(c.args[0] ?? ''));
        expect(writes).toEqual([]);
      }
      const afterRelaunch = (await storedCmi(page, launched))!;
      // A SCORM 2004 LMS that follows the standard (strict, forma) starts a new attempt after a normal exit:
      // the passed attempt is then the LMS's record of the module, and the new one starts clean.
      const newAttempt = afterRelaunch.attempt > afterPass.attempt;
      expect(newAttempt).toBe(version === '2004' && profile !== 'moodle');
      if (newAttempt) expect(live.entry).toBe('ab-initio');
      else expect(statusAndScore(version, afterRelaunch.cmi as Cmi)).toEqual({ status: 'passed', raw: '100' });

      const stored = afterPass.cmi as Cmi;
      expect(statusAndScore(version, stored)).toEqual({ status: 'passed', raw: '100' });
      const interactions = entries(stored, 'interactions');
      const objectives = entries(stored, 'objectives');
      expect(interactions).toHaveLength(perAttempt * 2);
      expect(objectives.map((o) => o['id'])).toHaveLength(firstModule.meta.outcomes.length);
      const expectFallback = profile === 'forma' && version === '2004';
      for (const record of [...interactions, ...objectives]) {
        const id = String(record['id']);
        expect(id, 'every record has an id').not.toBe('');
        expect(id).toMatch(expectFallback ? FALLBACK_ID : NORMAL_ID);
      }
      if (expectFallback) {
        // Drawn attempts: every quiz record carries the fallback form of the module's quiz prefix.
        for (const record of interactions) expect(String(record['id'])).toMatch(new RegExp(`^${firstModule.meta.id.replace(/-/g, ':')}:quiz:q\\d+$`));
      }
      console.log(
        `${profile} SCORM ${version}: ${JSON.stringify(statusAndScore(version, stored))}, ${interactions.filter((i) => i['id']).length} interactions and ${objectives.filter((o) => o['id']).length} objectives with ids (${expectFallback ? 'fallback' : 'normal'} form)`,
      );
    });
  }
}

test('the forma profile gives names as "Last,First" and the course shows "First Last"', async ({ page }) => {
  await openStandIn(page);
  const learner = { id: 'forma-name', name: 'Sam Student' };
  await launch(page, { version: '2004', learner, settings: { profile: 'forma' } });
  const frame = courseFrame(page);
  await frame.getByRole('link', { name: `Next: ${firstModule.lessons[1]!.meta.title}` }).click();
  await closeCourse(page);
  await launch(page, { version: '2004', learner, settings: { profile: 'forma' } });
  expect((await liveCmi(page))!.cmi['learner_name']).toBe('Student,Sam');
  await expect(courseFrame(page).getByRole('heading', { name: 'Welcome back, Sam' })).toBeVisible();
});
