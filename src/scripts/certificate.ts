import { displayName } from '../lib/learner-name.ts';
import { moduleCompleted } from '../lib/module-status.ts';
import { latestLearner, readCourseRecord, type LearnerRecord } from '../tracking/course-record.ts';
import { browserStorage } from '../tracking/safe-storage.ts';

export interface CertificateModule {
  id: string;
  title: string;
}

export interface CertificateContent {
  /** "First Last" as the LMS gave it, or '' when unknown (the printed line is left blank to write on). */
  name: string;
  completed: string[];
  /** All modules done: the certificate may be printed as complete. */
  allDone: boolean;
  date: string;
}

/** What the certificate shows, from this browser's course record only; nothing is sent anywhere. */
export function certificateContent(learner: LearnerRecord | null, modules: readonly CertificateModule[], today: Date): CertificateContent {
  const completed = modules.filter((m) => moduleCompleted(learner?.modules[m.id])).map((m) => m.title);
  return {
    name: learner ? displayName(learner.learnerName) : '',
    completed,
    allDone: modules.length > 0 && completed.length === modules.length,
    date: today.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
  };
}

export function startCertificate(courseId: string, modules: readonly CertificateModule[]): void {
  const content = certificateContent(latestLearner(readCourseRecord(browserStorage(), courseId)), modules, new Date());
  document.getElementById('certificate-name')!.textContent = content.name;
  document.getElementById('certificate-date')!.textContent = content.date;
  const list = document.getElementById('certificate-modules')!;
  list.replaceChildren(
    ...(content.completed.length > 0 ? content.completed : ['No modules completed in this browser yet.']).map((title) => {
      const item = document.createElement('li');
      item.textContent = title;
      return item;
    }),
  );
  document.getElementById('certificate-incomplete')!.hidden = content.allDone;
  document.getElementById('certificate-count')!.textContent = `${content.completed.length} of ${modules.length}`;
}
