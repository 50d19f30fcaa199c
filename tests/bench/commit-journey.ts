import type { Course } from '../../src/course/course-model.ts';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { memoryStore } from '../support/memory-store.ts';
import { lessonPositions, moduleConfig, quizPosition } from '../support/real-course.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { strictLms } from '../support/strict-lms.ts';

/**
 * The journey real LMS testing used to count commits: read every lesson of the
 * first module, guess through the quiz once (about two thirds right), pass it,
 * close. Returns how many times the course committed to the LMS.
 */
export function journeyCommits(course: Course, version: '1.2' | '2004'): number {
  const config = moduleConfig(course);
  const lms = strictLms(version);
  const commitName = version === '1.2' ? 'LMSCommit' : 'Commit';
  const commit = lms.api[commitName] as (s: string) => string;
  let commits = 0;
  lms.api[commitName] = (s: string) => (commits++, commit(s));
  const adapter = version === '1.2' ? new Scorm12Adapter(lms.api) : new Scorm2004Adapter(lms.api);
  // No real timers: the journey takes seconds, so the 60-second idle commit would not fire either.
  const session = new ModuleSession(config, adapter, memoryStore(), { scheduler: { setTimeout: () => 0, clearTimeout: () => {} } });
  const answers = answerBook(course);
  const attempt = (right: (i: number) => boolean) => {
    session.startQuizAttempt();
    attemptItems(session).forEach((item, i) => {
      session.answer(i, right(i) ? answers.right(item) : answers.wrong(item), Date.now() - 4000);
      session.setQuizPosition(i + 1);
    });
    session.submitAttempt();
  };
  lessonPositions(config).forEach((position) => session.goTo(position));
  session.goTo(quizPosition(config));
  attempt((i) => i % 3 !== 0);
  attempt(() => true);
  session.flush();
  session.finish();
  return commits;
}
