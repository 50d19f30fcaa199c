import { mount } from 'svelte';
import type { CriteriaMap } from '../../tutor-results/criteria-map.ts';
import TutorResults from './tutor-results.svelte';

/**
 * Starts the tutor results page. The criteria map is JSON in the page, so the same bundle runs
 * in a package (served by the LMS) and in release/tutor-results.html opened from disk.
 */
export function mountTutorResults(): void {
  const target = document.getElementById('tutor-results');
  const data = document.getElementById('tutor-results-data');
  if (!target || !data?.textContent) return;
  const map = JSON.parse(data.textContent) as CriteriaMap;
  target.replaceChildren();
  mount(TutorResults, { target, props: { map } });
}

mountTutorResults();
