/**
 * The stand-in LMS page: picks a package and SCO, gives the course a fresh scorm-again API
 * on `window.API` / `window.API_1484_11`, keeps the learner's attempt in localStorage and
 * shows the run-time data live. Bundled by server.ts; `scorm-again` resolves to /vendor.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import {
  loadAttempt,
  planLaunch,
  removeAttempt,
  saveAttempt,
  type CmiJson,
  type Learner,
  type LaunchPlan,
  type StoredAttempt,
} from './attempt-store.ts';
import { renderPanel, type PanelElements } from './cmi-panel.ts';
import { LMS_PROFILES, profileById, type LmsProfile } from './profiles/index.ts';
import type { PackageInfo, ScoInfo, ScormVersion } from './package-info.ts';
import type { ApiCall, LaunchSettings, LiveCmi, SessionState, StandInApi } from './stand-in-api.ts';

const DEFAULT_LEARNER: Learner = { id: 'learner-001', name: 'Sam Learner' };
const MAX_CALLS_KEPT = 5000;
const FRAME_UNLOAD_TIMEOUT_MS = 3000;

const SCORM12_METHODS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];
const SCORM2004_METHODS = ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];

type ScormApi = Scorm12API | Scorm2004API;

interface CourseSession {
  profile: LmsProfile;
  pkg: PackageInfo;
  sco: ScoInfo;
  learner: Learner;
  plan: LaunchPlan;
  api: ScormApi;
  calls: ApiCall[];
  /** total_time as the LMS holds it: the restored total until Terminate adds this session. */
  totalTime: string;
  /** Cleared by a reset of the same record, so a still-running course cannot bring it back. */
  persisting: boolean;
}

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`stand-in.html has no #${id}`);
  return found as T;
}

const ui = {
  form: byId<HTMLFormElement>('launch-form'),
  versionRadios: [...document.querySelectorAll<HTMLInputElement>('input[name="scorm-version"]')],
  packageSelect: byId<HTMLSelectElement>('package-select'),
  scoSelect: byId<HTMLSelectElement>('sco-select'),
  learnerName: byId<HTMLInputElement>('learner-name'),
  learnerId: byId<HTMLInputElement>('learner-id'),
  profileSelect: byId<HTMLSelectElement>('profile-select'),
  profileDescription: byId<HTMLElement>('profile-description'),
  forceNewAttempt: byId<HTMLInputElement>('force-new-attempt'),
  launchButton: byId<HTMLButtonElement>('launch-button'),
  closeButton: byId<HTMLButtonElement>('close-button'),
  resetButton: byId<HTMLButtonElement>('reset-button'),
  noPackages: byId<HTMLElement>('no-packages'),
  status: byId<HTMLElement>('status'),
  storedSummary: byId<HTMLElement>('stored-summary'),
  courseHolder: byId<HTMLElement>('course-holder'),
};

const panel: PanelElements = {
  summary: byId('cmi-summary'),
  suspendData: byId('suspend-data'),
  suspendLength: byId('suspend-length'),
  objectives: byId<HTMLTableElement>('objectives-table'),
  interactions: byId<HTMLTableElement>('interactions-table'),
  calls: byId<HTMLTableElement>('call-log'),
};

let packages: PackageInfo[] = [];
let session: CourseSession | null = null;
let courseFrame: HTMLIFrameElement | null = null;
let coursePopup: Window | null = null;

// ---------- run-time data ----------

function cmiSnapshot(current: CourseSession): CmiJson {
  const cmi = structuredClone((current.api.renderCMIToJSONObject() as { cmi?: CmiJson }).cmi ?? {});
  // scorm-again leaves total_time out of a mid-session render; the LMS still holds one.
  if (current.pkg.scormVersion === '1.2') {
    const core = (cmi['core'] ?? {}) as CmiJson;
    core['total_time'] = current.totalTime;
    cmi['core'] = core;
  } else {
    cmi['total_time'] = current.totalTime;
  }
  return cmi;
}

function sessionState(api: ScormApi): SessionState {
  if (api.isTerminated()) return 'terminated';
  return api.isInitialized() ? 'initialized' : 'not initialized';
}

function liveCmi(): LiveCmi | null {
  if (!session) return null;
  return {
    zip: session.pkg.file,
    sco: session.sco.identifier,
    learner: { ...session.learner },
    scormVersion: session.pkg.scormVersion,
    state: sessionState(session.api),
    attempt: session.plan.attempt,
    entry: session.plan.entry,
    cmi: cmiSnapshot(session),
  };
}

let panelRefreshQueued = false;
/** Coalesces the many SetValue calls a SCO makes in one go into one redraw. */
function refreshPanel(): void {
  if (panelRefreshQueued) return;
  panelRefreshQueued = true;
  queueMicrotask(() => {
    panelRefreshQueued = false;
    renderPanel(panel, liveCmi(), session?.calls ?? []);
  });
}

/**
 * Saves the session like an LMS receiving a commit. At Terminate the session time is added
 * to total_time (scorm-again's terminate render does that addition; the API itself keeps the
 * old total unless told otherwise), so a relaunch starts from the new total.
 */
function persist(current: CourseSession, terminated: boolean): void {
  if (!current.persisting) return;
  const version = current.pkg.scormVersion;
  if (terminated) {
    const rendered = current.api.renderCommitCMI(true) as { cmi?: CmiJson };
    const total = version === '1.2' ? (rendered.cmi?.['core'] as CmiJson | undefined)?.['total_time'] : rendered.cmi?.['total_time'];
    if (typeof total === 'string' && total !== '') current.totalTime = total;
  }
  const cmi = cmiSnapshot(current);
  const sessionHolder = (version === '1.2' ? cmi['core'] : cmi) as CmiJson;
  const record: StoredAttempt = {
    scormVersion: version,
    attempt: current.plan.attempt,
    cmi,
    exit: String(sessionHolder['exit'] ?? ''),
    terminated,
    sessionTime: String(sessionHolder['session_time'] ?? ''),
    savedAt: new Date().toISOString(),
  };
  saveAttempt(current.pkg.file, current.sco.identifier, current.learner.id, record);
  updateStoredSummary();
}

/** Records every SCORM call with its result and error code, for the panel and for tests. */
function recordCalls(current: CourseSession): void {
  const api = current.api as unknown as Record<string, unknown>;
  const methods = current.pkg.scormVersion === '1.2' ? SCORM12_METHODS : SCORM2004_METHODS;
  for (const method of methods) {
    const original = api[method];
    if (typeof original !== 'function') continue;
    api[method] = (...args: unknown[]): unknown => {
      const result: unknown = original.apply(current.api, args);
      current.calls.push({
        method,
        args: args.map((argument) => String(argument)),
        result: String(result),
        errorCode: String(current.api.lastErrorCode),
      });
      if (current.calls.length > MAX_CALLS_KEPT) current.calls.splice(0, current.calls.length - MAX_CALLS_KEPT);
      if (session === current) refreshPanel();
      return result;
    };
  }
}

function createSession(profile: LmsProfile, pkg: PackageInfo, sco: ScoInfo, learner: Learner, plan: LaunchPlan): CourseSession {
  const settings = {
    autocommit: false,
    lmsCommitUrl: false,
    logLevel: 'WARN' as const,
    // A 2004 SCO reading suspend_data/location on a first launch gets error 403 by design; the
    // call log shows it, so keep it out of the console where it looks like a fault.
    uninitializedGetLogLevel: 'INFO' as const,
    // Show what the course itself reports; do not let the stand-in rewrite 1.2 status from the mastery score.
    mastery_override: false,
  };
  const api: ScormApi = pkg.scormVersion === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromJSON(plan.startingCmi, 'cmi');
  profile.wrap(api, pkg.scormVersion);
  const current: CourseSession = {
    profile,
    pkg,
    sco,
    learner,
    plan,
    api,
    calls: [],
    totalTime: api instanceof Scorm12API ? api.cmi.core.total_time : api.cmi.total_time,
    persisting: true,
  };
  const prefix = pkg.scormVersion === '1.2' ? 'LMS' : '';
  api.on(`${prefix}Commit`, () => persist(current, false));
  api.on(pkg.scormVersion === '1.2' ? 'LMSFinish' : 'Terminate', () => {
    if (current.api.isTerminated()) persist(current, true);
    if (session === current) {
      setStatus(`"${sco.title}" ended its session with exit "${exitOf(current)}".`);
    }
  });
  api.on(`${prefix}SetValue.cmi.*`, () => {
    if (session === current) refreshPanel();
  });
  recordCalls(current);
  return current;
}

function exitOf(current: CourseSession): string {
  const cmi = cmiSnapshot(current);
  const holder = (current.pkg.scormVersion === '1.2' ? cmi['core'] : cmi) as CmiJson | undefined;
  return String(holder?.['exit'] ?? '');
}

function installApi(version: ScormVersion, api: ScormApi): void {
  // A SCO looks for one global or the other; leaving a stale one would let it talk to the wrong version.
  if (version === '1.2') {
    delete window.API_1484_11;
    window.API = api;
  } else {
    delete window.API;
    window.API_1484_11 = api;
  }
}

// ---------- page controls ----------

function setStatus(message: string): void {
  ui.status.textContent = message;
}

function versionLabel(version: ScormVersion): string {
  return version === '1.2' ? 'SCORM 1.2' : 'SCORM 2004';
}

function selectedPackage(): PackageInfo | undefined {
  return packages.find((candidate) => candidate.file === ui.packageSelect.value);
}

function selectedSco(): ScoInfo | undefined {
  return selectedPackage()?.scos.find((candidate) => candidate.identifier === ui.scoSelect.value);
}

function learnerFromForm(): Learner {
  return {
    id: ui.learnerId.value.trim() || DEFAULT_LEARNER.id,
    name: ui.learnerName.value.trim() || DEFAULT_LEARNER.name,
  };
}

function fillScoSelect(pkg: PackageInfo | undefined, preferredSco?: string): void {
  const previous = preferredSco ?? ui.scoSelect.value;
  ui.scoSelect.replaceChildren(
    ...(pkg?.scos ?? []).map((sco) => new Option(sco.title === sco.identifier ? sco.title : `${sco.title} (${sco.identifier})`, sco.identifier)),
  );
  if (pkg?.scos.some((sco) => sco.identifier === previous)) ui.scoSelect.value = previous;
  ui.scoSelect.disabled = !pkg || pkg.scos.length === 0;
}

function syncVersionSwitch(): void {
  const pkg = selectedPackage();
  for (const radio of ui.versionRadios) {
    radio.disabled = !packages.some((candidate) => candidate.scormVersion === radio.value);
    radio.checked = pkg?.scormVersion === radio.value;
  }
}

function selectPackage(file: string, preferredSco?: string): void {
  ui.packageSelect.value = file;
  syncVersionSwitch();
  fillScoSelect(selectedPackage(), preferredSco);
  updateStoredSummary();
}

function renderPackageList(): void {
  const previous = ui.packageSelect.value;
  ui.packageSelect.replaceChildren(
    ...packages.map((pkg) => new Option(`${pkg.title}: ${versionLabel(pkg.scormVersion)} (${pkg.file})`, pkg.file)),
  );
  const empty = packages.length === 0;
  ui.noPackages.hidden = !empty;
  for (const control of [ui.packageSelect, ui.launchButton, ui.resetButton]) control.disabled = empty;
  const keep = packages.some((pkg) => pkg.file === previous) ? previous : packages[0]?.file ?? '';
  selectPackage(keep);
}

async function loadPackages(): Promise<void> {
  const response = await fetch('/api/packages', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/api/packages answered ${response.status}`);
  packages = (await response.json()) as PackageInfo[];
  renderPackageList();
}

function describeStored(pkg: PackageInfo, sco: ScoInfo, learner: Learner): string {
  const stored = loadAttempt(pkg.file, sco.identifier, learner.id);
  if (!stored) return `No stored record for ${learner.id} in this module: the next launch starts ab-initio.`;
  const cmi = stored.cmi;
  const status =
    stored.scormVersion === '1.2'
      ? `lesson status ${String((cmi['core'] as CmiJson | undefined)?.['lesson_status'] ?? '') || 'not set'}`
      : `${String(cmi['completion_status'] ?? 'unknown')} / ${String(cmi['success_status'] ?? 'unknown')}`;
  const saved = new Date(stored.savedAt).toLocaleTimeString('en-GB');
  const ending = stored.terminated
    ? `the last session ended with exit "${stored.exit}"`
    : `the last session committed but never finished (exit ${stored.exit === '' ? 'not set' : `"${stored.exit}"`})`;
  const nextEntry = planLaunch(pkg.scormVersion, sco, learner, stored).entry || '"" (neither)';
  return `Stored record for ${learner.id}: attempt ${stored.attempt}, ${status}; ${ending}, saved ${saved}. Next launch: ${nextEntry}.`;
}

function updateStoredSummary(): void {
  const pkg = selectedPackage();
  const sco = selectedSco();
  ui.storedSummary.textContent = pkg && sco ? describeStored(pkg, sco, learnerFromForm()) : '';
}

// ---------- launch, close, reset ----------

function showPlaceholder(text: string): void {
  const placeholder = document.createElement('p');
  placeholder.className = 'placeholder';
  placeholder.textContent = text;
  ui.courseHolder.replaceChildren(placeholder);
}

function waitForFrameLoad(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_UNLOAD_TIMEOUT_MS);
    frame.addEventListener(
      'load',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

async function close(): Promise<void> {
  const frame = courseFrame;
  const popup = coursePopup;
  if (!frame && !popup) return;
  courseFrame = null;
  coursePopup = null;
  if (popup) {
    // Closing the window runs the course's pagehide handlers, as a learner closing the LMS popup would.
    popup.close();
    await waitUntil(() => popup.closed);
  }
  if (frame) {
    // Navigating away first runs the course's pagehide/unload handlers while the API is still
    // reachable, as closing an LMS window would; removing the iframe outright may skip them.
    const unloaded = waitForFrameLoad(frame);
    frame.src = 'about:blank';
    await unloaded;
    frame.remove();
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  showPlaceholder('Course closed. Press Launch to open it again.');
  if (session && !session.api.isTerminated()) {
    setStatus(
      session.api.isInitialized()
        ? `Course closed without ${session.pkg.scormVersion === '1.2' ? 'LMSFinish' : 'Terminate'}: anything after its last commit is lost.`
        : 'Course closed before it initialized the API.',
    );
  } else {
    setStatus('Course closed.');
  }
  refreshPanel();
}

function waitUntil(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = () => (done() || Date.now() - started > FRAME_UNLOAD_TIMEOUT_MS ? resolve() : setTimeout(poll, 20));
    poll();
  });
}

/** Sets lesson_mode (1.2) or mode (2004) of the planned launch. */
function withMode(plan: LaunchPlan, version: ScormVersion, mode: LaunchSettings['mode']): LaunchPlan {
  if (!mode || mode === 'normal') return plan;
  const startingCmi = structuredClone(plan.startingCmi);
  if (version === '1.2') (startingCmi['core'] as CmiJson)['lesson_mode'] = mode;
  else startingCmi['mode'] = mode;
  return { ...plan, startingCmi, explanation: `${plan.explanation} Launched in ${mode} mode.` };
}

/** Opens the course as the arrangement says; resolves once its page has loaded. */
async function openCourse(url: string, title: string, arrangement: LaunchSettings['arrangement'] = 'frame'): Promise<void> {
  if (arrangement === 'popup') {
    const popup = window.open(url, 'course-window', 'popup,width=1000,height=800');
    if (!popup) throw new Error('The browser blocked the course popup.');
    coursePopup = popup;
    showPlaceholder(`"${title}" is open in its own window.`);
    await waitUntil(() => popup.document?.readyState === 'complete' && popup.location.href !== 'about:blank');
    return;
  }
  const frame = document.createElement('iframe');
  frame.title = `Course: ${title}`;
  frame.dataset['testid'] = 'course-frame';
  const absolute = new URL(url, location.href).href;
  if (arrangement === 'nested-frame') {
    // A player frame in between, as many LMSs wrap the SCO; same origin.
    frame.srcdoc = `<!doctype html><title>Player</title><style>html,body,iframe{margin:0;border:0;width:100%;height:100%}</style><iframe title="Course" src="${absolute.replace(/"/g, '&quot;')}"></iframe>`;
  } else if (arrangement === 'cross-origin-frame') {
    // A player frame from another origin in between (localhost vs 127.0.0.1): reading its properties throws.
    const other = new URL('/frame-wrapper.html', location.href);
    other.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    other.searchParams.set('src', absolute);
    frame.src = other.href;
  } else {
    frame.src = url;
  }
  const loaded = waitForFrameLoad(frame);
  ui.courseHolder.replaceChildren(frame);
  courseFrame = frame;
  await loaded;
}

async function launch(zip: string, scoIdentifier: string, learnerOverride?: Partial<Learner>, settings: LaunchSettings = {}): Promise<void> {
  await close();
  await loadPackages();
  const pkg = packages.find((candidate) => candidate.file === zip);
  if (!pkg) throw new Error(`No package "${zip}" in the release folder.`);
  const sco = pkg.scos.find((candidate) => candidate.identifier === scoIdentifier);
  if (!sco) throw new Error(`Package "${zip}" has no SCO "${scoIdentifier}".`);

  if (learnerOverride?.id !== undefined) ui.learnerId.value = learnerOverride.id;
  if (learnerOverride?.name !== undefined) ui.learnerName.value = learnerOverride.name;
  selectPackage(pkg.file, sco.identifier);
  const learner = learnerFromForm();

  if (settings.profile !== undefined) ui.profileSelect.value = profileById(settings.profile).id;
  if (settings.forceNewAttempt !== undefined) ui.forceNewAttempt.checked = settings.forceNewAttempt;
  const profile = profileById(ui.profileSelect.value);
  const stored = loadAttempt(pkg.file, sco.identifier, learner.id);
  const planned = profile.plan(planLaunch(pkg.scormVersion, sco, learner, stored), {
    version: pkg.scormVersion,
    stored,
    learnerName: learner.name,
    forceNewAttempt: ui.forceNewAttempt.checked,
  });
  const plan = withMode(planned, pkg.scormVersion, settings.mode);
  session = createSession(profile, pkg, sco, learner, plan);
  installApi(pkg.scormVersion, session.api);

  refreshPanel();
  await openCourse(`/packages/${encodeURIComponent(pkg.file)}/${sco.href.split('/').map(encodeURIComponent).join('/')}${sco.parameters}`, sco.title, settings.arrangement);
  setStatus(`Launched "${sco.title}" (${versionLabel(pkg.scormVersion)}, ${profile.title}) for ${learner.name}. ${plan.explanation}`);
}

function reset(zip: string, scoIdentifier: string, learnerId: string = learnerFromForm().id): void {
  removeAttempt(zip, scoIdentifier, learnerId);
  if (session && session.pkg.file === zip && session.sco.identifier === scoIdentifier && session.learner.id === learnerId) {
    session.persisting = false;
  }
  updateStoredSummary();
}

function reportFailure(action: string, error: unknown): void {
  setStatus(`${action} failed: ${error instanceof Error ? error.message : String(error)}`);
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const pkg = selectedPackage();
  const sco = selectedSco();
  if (!pkg || !sco) return;
  launch(pkg.file, sco.identifier).catch((error: unknown) => reportFailure('Launch', error));
});

ui.closeButton.addEventListener('click', () => {
  close().catch((error: unknown) => reportFailure('Close', error));
});

ui.resetButton.addEventListener('click', () => {
  const pkg = selectedPackage();
  const sco = selectedSco();
  if (!pkg || !sco) return;
  const learnerId = learnerFromForm().id;
  // Close first: the course's own exit handler would otherwise save the record straight back.
  close()
    .then(() => {
      reset(pkg.file, sco.identifier, learnerId);
      setStatus(`Deleted the stored record of ${learnerId} for "${sco.title}". The next launch starts ab-initio.`);
    })
    .catch((error: unknown) => reportFailure('Reset', error));
});

ui.profileSelect.replaceChildren(...LMS_PROFILES.map((profile) => new Option(profile.title, profile.id)));
const describeProfile = () => (ui.profileDescription.textContent = profileById(ui.profileSelect.value).description);
describeProfile();
ui.profileSelect.addEventListener('change', describeProfile);
ui.packageSelect.addEventListener('change', () => selectPackage(ui.packageSelect.value));
ui.scoSelect.addEventListener('change', updateStoredSummary);
ui.learnerId.addEventListener('input', updateStoredSummary);
for (const radio of ui.versionRadios) {
  radio.addEventListener('change', () => {
    // Switch to the same course's package for the other version when there is one.
    const title = selectedPackage()?.title;
    const sameVersion = packages.filter((pkg) => pkg.scormVersion === radio.value);
    const twin = sameVersion.find((pkg) => pkg.title === title) ?? sameVersion[0];
    if (twin) selectPackage(twin.file, ui.scoSelect.value);
  });
}

const standIn: StandInApi = {
  packages: () => structuredClone(packages),
  launch,
  close,
  reset,
  storedCmi: (zip, scoIdentifier, learnerId = learnerFromForm().id) => loadAttempt(zip, scoIdentifier, learnerId),
  liveCmi,
  calls: () => (session ? structuredClone(session.calls) : []),
};

renderPanel(panel, null, []);
loadPackages()
  .catch((error: unknown) => reportFailure('Loading the package list', error))
  .finally(() => {
    window.standIn = standIn;
    document.body.dataset['ready'] = 'true';
  });
