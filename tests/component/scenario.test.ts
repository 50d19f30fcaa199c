// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import Scenario from '../../src/islands/scenario/scenario.svelte';
import { bestPathFrom } from '../../src/lib/scenario-graph.ts';
import { ModuleSession, type ViewConfigOf } from '../../src/tracking/module-session.ts';
import { provideSession } from '../../src/tracking/session-registry.ts';
import { StandaloneAdapter } from '../../src/tracking/standalone-adapter.ts';
import { memoryStore } from '../support/memory-store.ts';
import { moduleConfig, realCourse } from '../support/real-course.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const course = realCourse();
const config = moduleConfig(course, course.modules.find((m) => m.meta.id === 'practice')!);
const view = config.views.find((v): v is ViewConfigOf<'scenario'> => v.kind === 'scenario')!;
const scenario = view.scenario;

/**
 * Activates reply `index` (its place in the scenario file) of the node on screen, the way a keyboard user does:
 * focus the button, then Enter (a native button's click). Buttons are found by their words, since replies are
 * shown in a shuffled order.
 */
function pressReply(target: HTMLElement, index: number): void {
  const nodeId = target.querySelector('[data-node]')?.getAttribute('data-node') ?? '';
  const say = scenario.nodes[nodeId]?.choices[index]?.say;
  const button = [...target.querySelectorAll<HTMLButtonElement>('.choices button')].find((b) => b.textContent === say);
  if (!button) throw new Error(`no reply ${index} (${say}) at node ${nodeId} in: ${target.textContent}`);
  button.focus();
  expect(document.activeElement).toBe(button);
  button.click();
  flushSync();
}

describe('scenario island', () => {
  it('plays a path: transcript, feedback, screen and live region change; the debrief offers replays', async () => {
    const store = memoryStore();
    const session = new ModuleSession(config, new StandaloneAdapter(store, 'k'), store);
    provideSession(session);
    const target = document.createElement('div');
    document.body.append(target);
    const island = mount(Scenario, { target, props: { viewId: view.id } });
    await tick();
    flushSync();

    const start = scenario.nodes[scenario.start]!;
    const live = target.querySelector('[aria-live="polite"]')!;
    expect(target.querySelector('.lines')?.textContent).toContain(start.customer[0]!);
    expect(target.querySelector('.service-screen .page-title')?.textContent?.trim()).toBe(start.screen.page);
    expect(live.textContent).toBe('');
    expect(target.querySelectorAll('.choices button')).toHaveLength(start.choices.length);

    const best = bestPathFrom(scenario)!;
    pressReply(target, best[0]!);
    await tick();
    const second = scenario.nodes[start.choices[best[0]!]!.next]!;
    // The adviser's words join the transcript, the customer's answer is announced, and feedback is shown.
    expect(target.querySelector('.lines')?.textContent).toContain(start.choices[best[0]!]!.say);
    expect(live.textContent).toContain(second.customer[0]!);
    expect(target.querySelector('.last-feedback')?.textContent).toContain(start.choices[best[0]!]!.feedback);
    expect(document.activeElement?.textContent).toMatch(/^Decision 2: what do you say or do\?/);
    expect(target.querySelector('[data-node]')?.getAttribute('data-node')).toBe(second.id);

    // Follow the best path until the screen changes kind, proving the simulated screen follows the story.
    const kinds = new Set([target.querySelector('.service-screen')!.getAttribute('data-kind')]);
    for (const choice of best.slice(1)) {
      pressReply(target, choice);
      kinds.add(target.querySelector('.service-screen')?.getAttribute('data-kind') ?? 'debrief');
    }
    expect(kinds.size).toBeGreaterThan(2);

    // At the ending: debrief with both paths, feedback per decision, criteria and replay buttons.
    await tick();
    expect(target.querySelector('.debrief h2')?.textContent).toMatch(/^Ending: /);
    expect(target.textContent).toContain('You scored 100%');
    expect(target.querySelectorAll('.paths section:first-child li')).toHaveLength(best.length);
    expect(target.querySelectorAll('.paths section:last-child li')).toHaveLength(best.length);
    expect(target.textContent).toContain('Criteria you practised');
    expect(session.scenarioProgress(view.id)).toMatchObject({ ended: true, best: 100 });

    const replay3 = [...target.querySelectorAll('button')].find((b) => b.textContent === 'Replay from decision 3')!;
    replay3.click();
    flushSync();
    await tick();
    expect(session.scenarioProgress(view.id)).toMatchObject({ path: best.slice(0, 2), ended: false, best: 100 });
    // Focus is not lost with the debrief: it moves to the decision being replayed.
    expect(document.activeElement?.textContent).toBe('Decision 3: what do you say or do?');
    unmount(island);
  });
});
