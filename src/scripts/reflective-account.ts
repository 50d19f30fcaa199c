import { displayName } from '../lib/learner-name.ts';
import { latestLearner, readCourseRecord, type LearnerRecord } from '../tracking/course-record.ts';
import { browserStorage } from '../tracking/safe-storage.ts';

/**
 * Fills the gathered reflective account with the answers this browser holds. Answers are
 * learner text: set as textContent only, so markup in an answer shows as typed, never runs.
 */
export function fillReflectiveAccount(root: ParentNode, learner: LearnerRecord | null): number {
  let answered = 0;
  for (const slot of root.querySelectorAll<HTMLElement>('[data-answer]')) {
    const [moduleId = '', promptId = ''] = (slot.dataset['answer'] ?? '').split('/');
    const text = learner?.modules[moduleId]?.reflections[promptId] ?? '';
    slot.textContent = text || 'Not answered yet.';
    slot.classList.toggle('unanswered', !text);
    if (text) answered += 1;
  }
  const name = root.querySelector<HTMLElement>('[data-learner-name]');
  if (name) name.textContent = learner ? displayName(learner.learnerName) : '';
  const summary = root.querySelector<HTMLElement>('[data-answer-count]');
  if (summary) summary.textContent = String(answered);
  // Counted from the page: a one-module package shows that module's prompts only.
  const total = root.querySelector<HTMLElement>('[data-prompt-count]');
  if (total) total.textContent = String(root.querySelectorAll('[data-answer]').length);
  return answered;
}

export function startReflectiveAccount(courseId: string): void {
  fillReflectiveAccount(document, latestLearner(readCourseRecord(browserStorage(), courseId)));
  document.getElementById('print-account')?.addEventListener('click', () => window.print());
  // The button needs this script; without it the browser's own print still works.
  const row = document.getElementById('print-row');
  if (row) row.hidden = false;
}
