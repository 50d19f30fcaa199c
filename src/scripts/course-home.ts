import { moduleStatusText } from '../lib/module-status.ts';
import { latestLearner, readCourseRecord } from '../tracking/course-record.ts';
import { browserStorage } from '../tracking/safe-storage.ts';

/** Shows, beside each module on the course home, the status this browser saw (nothing is asked of the LMS). */
export function startCourseHome(courseId: string): void {
  const learner = latestLearner(readCourseRecord(browserStorage(), courseId));
  for (const slot of document.querySelectorAll<HTMLElement>('[data-module-status]')) {
    slot.textContent = `Your status: ${moduleStatusText(learner?.modules[slot.dataset['moduleStatus'] ?? ''])}`;
    slot.hidden = false;
  }
}
