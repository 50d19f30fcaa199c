// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import Reflection from '../../src/islands/reflection/reflection.svelte';
import { fillReflectiveAccount } from '../../src/scripts/reflective-account.ts';
import { latestLearner, readCourseRecord } from '../../src/tracking/course-record.ts';
import { ModuleSession, type ViewConfigOf } from '../../src/tracking/module-session.ts';
import { provideSession } from '../../src/tracking/session-registry.ts';
import { StandaloneAdapter } from '../../src/tracking/standalone-adapter.ts';
import { memoryStore } from '../support/memory-store.ts';
import { moduleConfig, realCourse, reflectionTexts } from '../support/real-course.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const course = realCourse();
const mod = course.modules.find((m) => m.meta.id === 'u219-lo3')!;
const config = moduleConfig(course, mod);
const view = config.views.find((v): v is ViewConfigOf<'reflection'> => v.kind === 'reflection')!;
const SCRIPT_ANSWER = '<script>window.hacked = true</script><b>bold?</b> I said "tap Next".';

function type(area: HTMLTextAreaElement, text: string): void {
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

describe('reflection island and the gathered account', () => {
  it('saves plain text through the session, counts characters, cuts at the limit; markup never becomes HTML', async () => {
    const store = memoryStore();
    const session = new ModuleSession(config, new StandaloneAdapter(store, 'k'), store);
    provideSession(session);
    const target = document.createElement('div');
    document.body.append(target);
    const island = mount(Reflection, { target, props: { prompts: view.prompts } });
    await tick();
    flushSync();

    const areas = [...target.querySelectorAll('textarea')];
    expect(areas).toHaveLength(mod.meta.reflection.length);
    // Each box is labelled by its prompt and described by its criteria and counter.
    expect(target.querySelector(`label[for="${areas[0]!.id}"]`)?.textContent).toBe(mod.meta.reflection[0]!.prompt);
    expect(areas[0]!.disabled).toBe(false);

    type(areas[0]!, SCRIPT_ANSWER);
    expect(reflectionTexts(session.state)?.[0]).toBe(SCRIPT_ANSWER);
    expect(target.querySelector('script, b')).toBeNull();
    const count = document.getElementById(`reflection-${view.prompts[0]!.id}-count`)!;
    expect(count.textContent).toBe(`${Array.from(SCRIPT_ANSWER).length} of 800 characters used`);
    expect(areas[0]!.getAttribute('aria-describedby')).toContain(count.id);

    type(areas[1]!, '😀'.repeat(900));
    expect(Array.from(reflectionTexts(session.state)![1]!)).toHaveLength(800);
    expect(areas[1]!.value).toBe('😀'.repeat(800));
    expect(target.textContent).toContain('You have reached the limit of 800 characters.');

    // The gathered page reads the course record the session wrote, and shows the answer as typed.
    const page = document.createElement('main');
    page.innerHTML = `<span data-learner-name></span><span data-answer-count></span><span data-prompt-count>99</span>
      <div data-answer="${mod.meta.id}/${view.prompts[0]!.id}"></div><div data-answer="${mod.meta.id}/${view.prompts[1]!.id}"></div><div data-answer="rules/following-rules"></div>`;
    const answered = fillReflectiveAccount(page, latestLearner(readCourseRecord(store, config.courseId)));
    expect(answered).toBe(2);
    expect(page.querySelector('[data-answer-count]')!.textContent).toBe('2');
    expect(page.querySelector('[data-prompt-count]')!.textContent).toBe('3');
    const slots = page.querySelectorAll<HTMLElement>('[data-answer]');
    expect(slots[0]!.textContent).toBe(SCRIPT_ANSWER);
    expect(page.querySelector('script, b')).toBeNull();
    expect(slots[2]!.textContent).toBe('Not answered yet.');
    expect(slots[2]!.classList.contains('unanswered')).toBe(true);
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
    unmount(island);
  });
});
