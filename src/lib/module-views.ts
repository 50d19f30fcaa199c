import type { ViewState } from '../tracking/learner-state.ts';

/** A module page shows one view at a time: lessons, a quiz, scenarios, reflection prompts. */
export interface ViewRef {
  kind: 'lesson' | 'quiz' | 'scenario' | 'reflection';
  id: string;
}

/** The element id (and URL fragment) of a view, e.g. `lesson-live-chat`, `quiz`, `scenario-new-customer-own-use`. */
export function viewAnchor(view: ViewRef): string {
  return view.kind === 'quiz' ? 'quiz' : `${view.kind}-${view.id}`;
}

/** Position for a URL hash like `#lesson-live-chat`, or null if it names no view. */
export function positionForHash(hash: string, views: readonly ViewRef[]): number | null {
  const index = views.map(viewAnchor).indexOf(hash.replace(/^#/, ''));
  return index >= 0 ? index : null;
}

/** Whether a view counts as done for the progress bar and the contents list. */
export function viewDone(view: ViewState): boolean {
  switch (view.kind) {
    case 'lesson':
    case 'reflection':
      return view.seen;
    case 'quiz':
      return view.quiz.attempts > 0;
    case 'scenario':
      return view.scenario.best !== null;
  }
}

export interface ProgressSummary {
  /** Lessons seen, of all lessons. */
  seen: number;
  total: number;
  /** Views done (lessons seen, quiz attempted, scenarios finished, reflections opened) as a share of all (0–100). */
  percent: number;
  /** Plain-words status of the other views, e.g. "quiz attempted". */
  extras: string[];
}

export function progressSummary(views: readonly ViewState[]): ProgressSummary {
  const lessons = views.filter((v) => v.kind === 'lesson');
  const done = views.filter(viewDone).length;
  const scenarios = views.filter((v) => v.kind === 'scenario');
  const extras: string[] = [];
  if (views.some((v) => v.kind === 'quiz' && viewDone(v))) extras.push('quiz attempted');
  if (scenarios.length > 0) extras.push(`${scenarios.filter(viewDone).length} of ${scenarios.length} scenarios finished`);
  return {
    seen: lessons.filter((v) => v.seen).length,
    total: lessons.length,
    percent: views.length === 0 ? 0 : Math.round((done / views.length) * 100),
    extras,
  };
}
