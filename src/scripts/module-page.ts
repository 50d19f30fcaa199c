import { positionForHash, progressSummary, viewAnchor, viewDone } from '../lib/module-views.ts';
import { displayName, firstName } from '../lib/learner-name.ts';
import { connectLaunchingLms } from '../tracking/connect-lms.ts';
import { ModuleSession, type ModuleConfig } from '../tracking/module-session.ts';
import { browserStorage } from '../tracking/safe-storage.ts';
import { enhanceLessonWidgets } from './lesson-widgets.ts';
import { provideSession } from '../tracking/session-registry.ts';

const DONE_LABELS = { lesson: ' (seen)', quiz: ' (attempted)', scenario: ' (finished)', reflection: ' (seen)' } as const;

const TRACKING_LABELS = {
  scorm12: 'Progress is sent to your learning system (SCORM 1.2).',
  scorm2004: 'Progress is sent to your learning system (SCORM 2004).',
  cmi5: 'Progress is sent to your learning system (cmi5).',
  standalone: 'Progress is kept in this browser only.',
} as const;

/** DOM glue for a module page: one view at a time, progress, resume prompt, notices. */
export async function startModulePage(): Promise<void> {
  const configElement = document.getElementById('module-config');
  if (!configElement?.textContent) return;
  const config = JSON.parse(configElement.textContent) as ModuleConfig;
  const ids = config.views.map(viewAnchor);
  document.documentElement.classList.add('js');
  enhanceLessonWidgets();

  const store = browserStorage();
  const session = new ModuleSession(config, await connectLaunchingLms(`course:${config.courseId}:${config.moduleId}:standalone`), store);
  provideSession(session);

  const views = ids.map((id) => document.getElementById(id)!);
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-view-link]')];
  const resumePrompt = document.getElementById('resume-prompt')!;
  // On a phone the contents list would push every lesson below the fold: start it folded there.
  const navDetails = document.getElementById('module-nav-details') as HTMLDetailsElement | null;
  const narrow = window.matchMedia('(max-width: 47.99rem)');
  const fitNav = () => navDetails && (navDetails.open = !narrow.matches);
  fitNav();
  narrow.addEventListener('change', fitNav);
  let shown = -1;

  function show(position: number, moveFocus: boolean): void {
    shown = position;
    views.forEach((view, i) => view.classList.toggle('current', i === position));
    links.forEach((link, i) => (i === position ? link.setAttribute('aria-current', 'step') : link.removeAttribute('aria-current')));
    if (narrow.matches && navDetails) navDetails.open = false;
    session.goTo(position);
    if (moveFocus) {
      // Only after the learner navigates: a hash set during load makes the browser jump to it.
      const id = ids[position]!;
      if (location.hash.slice(1) !== id) history.replaceState(null, '', `#${id}`);
      // Focus the heading so screen readers announce the new view and keyboard users start at its top.
      views[position]?.querySelector<HTMLElement>('h1')?.focus();
      window.scrollTo({ top: 0 });
    }
  }

  function render(): void {
    const { state } = session;
    const summary = progressSummary(state.views);
    const bar = document.getElementById('module-progress') as HTMLProgressElement | null;
    if (bar) bar.value = summary.percent;
    const text = document.getElementById('progress-text');
    const progressText = [`${summary.seen} of ${summary.total} lessons seen`, ...summary.extras].join(', ');
    if (text) text.textContent = progressText;
    const navSummary = document.getElementById('nav-summary-progress');
    if (navSummary) navSummary.textContent = `(${progressText})`;
    links.forEach((link, i) => {
      const view = state.views[i];
      const done = view ? viewDone(view) : false;
      link.classList.toggle('seen', done);
      const label = link.querySelector('.seen-text');
      if (label) label.textContent = done ? DONE_LABELS[view!.kind] : '';
    });
    renderNotices();
    renderDiagnostics();
  }

  function renderNotices(): void {
    const region = document.getElementById('notices')!;
    const html = session.notices.map((n) => `<p class="notice notice-${n.kind}">${escapeHtml(n.text)}</p>`).join('');
    if (region.innerHTML !== html) region.innerHTML = html;
    const mode = document.getElementById('tracking-mode');
    if (mode) mode.textContent = TRACKING_LABELS[session.adapterKind];
  }

  function renderDiagnostics(): void {
    const panel = document.getElementById('diagnostics')!;
    if (panel.hidden) return;
    const errors = session.lmsErrors();
    document.getElementById('diagnostics-body')!.textContent = [
      `adapter: ${session.adapterKind}`,
      `entry: ${session.launch.entry}, mode: ${session.launch.mode}`,
      `learner: ${displayName(session.launch.learnerName) || '(none)'} ${session.launch.learnerId ? `(${session.launch.learnerId})` : ''}`,
      `ids: ${session.state.fallbackIds ? 'fallback form (letters, digits and ":")' : 'normal form'}`,
      `success: ${session.success}, unsaved: ${session.unsaved}`,
      `LMS errors (${errors.length}):`,
      ...errors.map((e) => `  ${e.code} ${e.call}: ${e.message}`),
    ].join('\n');
  }

  function startAt(position: number): void {
    resumePrompt.hidden = true;
    show(position, shown !== -1);
  }

  session.subscribe(render);

  if (session.pendingResume) {
    const saved = session.pendingResume;
    const where = describeView(config, saved.position);
    document.getElementById('resume-summary')!.textContent = `You were on ${where}. Resume where you left off?`;
    const name = firstName(session.launch.learnerName);
    if (name) document.getElementById('resume-title')!.textContent = `Welcome back, ${name}`;
    resumePrompt.hidden = false;
    document.getElementById('resume-title')!.focus();
    document.getElementById('resume-yes')!.addEventListener('click', () => {
      session.resume();
      startAt(session.state.position);
      views[shown]?.querySelector<HTMLElement>('h1')?.focus();
    });
    document.getElementById('resume-no')!.addEventListener('click', () => {
      session.startOver();
      startAt(0);
      views[0]?.querySelector<HTMLElement>('h1')?.focus();
    });
  } else {
    show(positionForHash(location.hash, config.views) ?? 0, false);
  }

  // Links between views (contents list, Next/Previous) switch view at once: letting the browser
  // navigate to the fragment first would blur the link and jump to a still-hidden element.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const position = positionForHash(link.getAttribute('href') ?? '', config.views);
    if (position === null || !resumePrompt.hidden) return;
    event.preventDefault();
    history.pushState(null, '', `#${ids[position]}`);
    show(position, true);
  });
  window.addEventListener('hashchange', () => {
    if (!resumePrompt.hidden) return;
    const position = positionForHash(location.hash, config.views);
    if (position !== null && position !== shown) show(position, true);
  });
  // pagehide fires when the LMS closes or replaces the frame; it is the last safe moment to save.
  // One SCORM session per page load: a page restored from the back/forward cache is reloaded instead.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
  window.addEventListener('pagehide', () => session.finish());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') session.flush();
  });

  const debugPanel = document.getElementById('diagnostics')!;
  const toggleDiagnostics = () => {
    debugPanel.hidden = !debugPanel.hidden;
    render();
  };
  if (new URLSearchParams(location.search).has('debug')) toggleDiagnostics();
  document.addEventListener('keydown', (event) => {
    // event.code, not event.key: Ctrl+Alt acts as AltGr on many layouts and changes the key produced.
    if (event.ctrlKey && event.altKey && event.code === 'KeyD') toggleDiagnostics();
  });
}

/** "lesson 2, “Title”", "the quiz", "the scenario “Title”": where a returning learner was. */
function describeView(config: ModuleConfig, position: number): string {
  const view = config.views[position];
  if (!view) return 'the start';
  if (view.kind === 'lesson') {
    const number = config.views.slice(0, position + 1).filter((v) => v.kind === 'lesson').length;
    return `lesson ${number}, “${view.title}”`;
  }
  if (view.kind === 'quiz') return 'the quiz';
  return `the ${view.kind} “${view.title}”`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
