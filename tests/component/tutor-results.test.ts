// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import TutorResults from '../../src/islands/tutor-results/tutor-results.svelte';
import { courseCriteriaMap } from '../../src/tutor-results/criteria-map.ts';
import { realCourse } from '../support/real-course.ts';

const MOODLE_12 = readFileSync(join(import.meta.dirname, '../fixtures/moodle-4.3/interactions-scorm12-all-columns.txt'), 'utf8');
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
};

async function choose(target: HTMLElement, files: File[]): Promise<void> {
  const input = target.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

describe('tutor results island', () => {
  it('lists each chosen file (the same one twice included), then filters the matrix by standard', async () => {
    const target = document.createElement('div');
    document.body.append(target);
    const island = mount(TutorResults, { target, props: { map: courseCriteriaMap(realCourse()) } });
    expect(target.querySelector('table')).toBeNull();

    await choose(target, [new File([MOODLE_12], 'a.txt'), new File([MOODLE_12], 'a.txt')]);
    expect([...target.querySelectorAll('.report-list > li')].map((li) => li.textContent?.trim())).toEqual(['a.txt: 30 answers from 1 learner(s) read.', 'a.txt: 30 answers from 1 learner(s) read.']);

    const standard = [...target.querySelectorAll('select')].find((s) => s.parentElement?.textContent?.startsWith('Standard'))!;
    standard.value = 'U219';
    standard.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    const rowHeaders = [...target.querySelectorAll('tbody th[scope="row"] .criterion-id')].map((th) => th.textContent);
    expect(rowHeaders.length).toBeGreaterThan(0);
    expect(rowHeaders.every((id) => id?.startsWith('U219.'))).toBe(true);
    expect(target.querySelector('tbody td')?.textContent).toMatch(/^shown\d+ right(, \d+ not attempted)?$/);

    await choose(target, [new File(['<!doctype html><html></html>'], 'page.csv')]);
    expect(target.querySelector('.report-list .error')?.textContent).toMatch(/^page\.csv: this is a web page \(HTML\)/);
    unmount(island);
  });
});
