import type { CmiJson } from './attempt-store.ts';
import type { ScormVersion } from './package-info.ts';
import type { ApiCall, LiveCmi } from './stand-in-api.ts';

/**
 * Renders the live CMI panel beside the course. Everything the SCO wrote goes in through
 * textContent only: suspend_data and responses are arbitrary learner/course text.
 */

export const SUSPEND_DATA_LIMITS: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };
const CALLS_SHOWN = 50;
// Their outcome already shows in each call's error column; listing them would bury the real calls.
const ERROR_LOOKUP_METHODS = /^(LMS)?Get(LastError|ErrorString|Diagnostic)$/;

function pick(source: unknown, dottedPath: string): string {
  let current: unknown = source;
  for (const key of dottedPath.split('.')) {
    if (typeof current !== 'object' || current === null) return '';
    current = (current as Record<string, unknown>)[key];
  }
  return current === undefined || current === null ? '' : String(current);
}

/** `{"0": {...}, "1": {...}}` as scorm-again renders CMI arrays, in index order. */
function rows(collection: unknown): CmiJson[] {
  if (typeof collection !== 'object' || collection === null) return [];
  return Object.entries(collection as Record<string, unknown>)
    .filter(([key, value]) => /^\d+$/.test(key) && typeof value === 'object' && value !== null)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => value as CmiJson);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text) created.textContent = text;
  if (className) created.className = className;
  return created;
}

function renderTable(table: HTMLTableElement, headings: string[], body: string[][], emptyMessage: string): void {
  const head = element('thead');
  const headRow = element('tr');
  for (const heading of headings) {
    const cell = element('th', heading);
    cell.scope = 'col';
    headRow.append(cell);
  }
  head.append(headRow);
  const tbody = element('tbody');
  if (body.length === 0) {
    const row = element('tr');
    const cell = element('td', emptyMessage, 'empty-row');
    cell.colSpan = headings.length;
    row.append(cell);
    tbody.append(row);
  }
  for (const values of body) {
    const row = element('tr');
    for (const value of values) row.append(element('td', value));
    tbody.append(row);
  }
  table.replaceChildren(head, tbody);
}

function summaryRow(list: HTMLElement, label: string, testId: string, value: string): void {
  const term = element('dt', label);
  const description = element('dd');
  description.dataset['testid'] = testId;
  if (value === '') {
    description.append(element('span', '(not set)', 'value-empty'));
  } else {
    description.textContent = value;
  }
  list.append(term, description);
}

function describeScore(score: unknown, withScaled: boolean): string {
  const parts = ['raw', 'min', 'max', ...(withScaled ? ['scaled'] : [])]
    .map((field) => [field, pick(score, field)] as const)
    .filter(([, value]) => value !== '')
    .map(([field, value]) => `${field} ${value}`);
  return parts.join(', ');
}

function correctPatterns(interaction: CmiJson): string {
  return rows(interaction['correct_responses'])
    .map((response) => pick(response, 'pattern'))
    .join(' | ');
}

export interface PanelElements {
  summary: HTMLElement;
  suspendData: HTMLElement;
  suspendLength: HTMLElement;
  objectives: HTMLTableElement;
  interactions: HTMLTableElement;
  calls: HTMLTableElement;
}

export function renderPanel(panel: PanelElements, live: LiveCmi | null, calls: ApiCall[]): void {
  panel.summary.replaceChildren();
  if (live === null) {
    summaryRow(panel.summary, 'Session', 'cmi-state', 'nothing launched yet');
    panel.suspendData.textContent = '';
    panel.suspendLength.textContent = '';
    renderTable(panel.objectives, ['ID', 'Score', 'Status'], [], 'None');
    renderTable(panel.interactions, ['ID', 'Type', 'Response', 'Correct', 'Result'], [], 'None');
    renderCalls(panel.calls, calls);
    return;
  }

  const { cmi, scormVersion } = live;
  const is12 = scormVersion === '1.2';
  const list = panel.summary;
  summaryRow(list, 'API', 'cmi-api-version', is12 ? 'SCORM 1.2 (window.API)' : 'SCORM 2004 4th ed. (window.API_1484_11)');
  summaryRow(list, 'Session', 'cmi-state', live.state);
  summaryRow(list, 'Learner', 'cmi-learner', `${live.learner.name} (${live.learner.id}), attempt ${live.attempt}`);
  summaryRow(list, 'Entry', 'cmi-entry', live.entry === '' ? '"" (neither)' : live.entry);
  if (is12) {
    summaryRow(list, 'Lesson status', 'cmi-lesson-status', pick(cmi, 'core.lesson_status'));
  } else {
    summaryRow(list, 'Completion', 'cmi-completion-status', pick(cmi, 'completion_status'));
    summaryRow(list, 'Success', 'cmi-success-status', pick(cmi, 'success_status'));
  }
  const score = is12 ? pick(cmi, 'core.score.raw') : pick(cmi, 'score.raw');
  summaryRow(list, 'Score raw', 'cmi-score-raw', score);
  summaryRow(list, 'Score min / max', 'cmi-score-range', [pick(cmi, is12 ? 'core.score.min' : 'score.min'), pick(cmi, is12 ? 'core.score.max' : 'score.max')].filter(Boolean).join(' / '));
  if (!is12) summaryRow(list, 'Score scaled', 'cmi-score-scaled', pick(cmi, 'score.scaled'));
  if (!is12 && pick(cmi, 'scaled_passing_score') !== '') summaryRow(list, 'Passing score', 'cmi-scaled-passing-score', pick(cmi, 'scaled_passing_score'));
  if (is12 && pick(cmi, 'student_data.mastery_score') !== '') summaryRow(list, 'Mastery score', 'cmi-mastery-score', pick(cmi, 'student_data.mastery_score'));
  summaryRow(list, 'Location', 'cmi-location', pick(cmi, is12 ? 'core.lesson_location' : 'location'));
  summaryRow(list, 'Exit', 'cmi-exit', pick(cmi, is12 ? 'core.exit' : 'exit'));
  summaryRow(list, 'Session time', 'cmi-session-time', pick(cmi, is12 ? 'core.session_time' : 'session_time'));
  summaryRow(list, 'Total time', 'cmi-total-time', pick(cmi, is12 ? 'core.total_time' : 'total_time'));

  const suspendData = pick(cmi, 'suspend_data');
  const limit = SUSPEND_DATA_LIMITS[scormVersion];
  const overLimit = suspendData.length > limit;
  panel.suspendData.textContent = suspendData;
  panel.suspendData.classList.toggle('over-limit', overLimit);
  panel.suspendLength.textContent = `${suspendData.length.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters${overLimit ? ': over the SCORM limit' : ''}`;
  panel.suspendLength.classList.toggle('over-limit', overLimit);

  const objectives = rows(cmi['objectives']);
  if (is12) {
    renderTable(
      panel.objectives,
      ['ID', 'Score', 'Status'],
      objectives.map((objective) => [pick(objective, 'id'), describeScore(objective['score'], false), pick(objective, 'status')]),
      'None reported',
    );
  } else {
    renderTable(
      panel.objectives,
      ['ID', 'Score', 'Success', 'Completion', 'Description'],
      objectives.map((objective) => [
        pick(objective, 'id'),
        describeScore(objective['score'], true),
        pick(objective, 'success_status'),
        pick(objective, 'completion_status'),
        pick(objective, 'description'),
      ]),
      'None reported',
    );
  }

  const interactions = rows(cmi['interactions']);
  renderTable(
    panel.interactions,
    is12
      ? ['ID', 'Type', 'Student response', 'Correct', 'Result', 'Weight', 'Time', 'Latency']
      : ['ID', 'Type', 'Learner response', 'Correct', 'Result', 'Weight', 'Timestamp', 'Latency', 'Description'],
    interactions.map((interaction) => [
      pick(interaction, 'id'),
      pick(interaction, 'type'),
      pick(interaction, is12 ? 'student_response' : 'learner_response'),
      correctPatterns(interaction),
      pick(interaction, 'result'),
      pick(interaction, 'weighting'),
      pick(interaction, is12 ? 'time' : 'timestamp'),
      pick(interaction, 'latency'),
      ...(is12 ? [] : [pick(interaction, 'description')]),
    ]),
    'None reported',
  );

  renderCalls(panel.calls, calls);
}

function renderCalls(table: HTMLTableElement, calls: ApiCall[]): void {
  const shown = calls.filter((call) => !ERROR_LOOKUP_METHODS.test(call.method)).slice(-CALLS_SHOWN).reverse();
  const head = element('thead');
  const headRow = element('tr');
  for (const heading of ['Call', 'Returned', 'Error']) {
    const cell = element('th', heading);
    cell.scope = 'col';
    headRow.append(cell);
  }
  head.append(headRow);
  const body = element('tbody');
  if (shown.length === 0) {
    const row = element('tr');
    const cell = element('td', 'No calls yet', 'empty-row');
    cell.colSpan = 3;
    row.append(cell);
    body.append(row);
  }
  for (const call of shown) {
    const row = element('tr');
    const args = call.args.map((argument) => JSON.stringify(argument.length > 80 ? `${argument.slice(0, 77)}…` : argument)).join(', ');
    row.append(
      element('td', `${call.method}(${args})`, 'mono'),
      element('td', JSON.stringify(call.result), 'mono'),
      element('td', call.errorCode, call.errorCode === '0' ? 'result-ok' : 'result-error'),
    );
    body.append(row);
  }
  table.replaceChildren(head, body);
}
