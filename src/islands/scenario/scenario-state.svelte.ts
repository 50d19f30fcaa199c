import type { Channel } from '../../schemas/scenario.ts';
import { choiceDisplayOrder, debrief, transcript, walk, type Debrief, type Decision, type TranscriptEntry } from '../../lib/scenario-engine.ts';
import type { RuntimeChoice, RuntimeNode, RuntimeScenario } from '../../lib/scenario-model.ts';

/** A scenario's saved progress, as the module session keeps it. */
export interface ScenarioProgressView {
  path: readonly number[];
  ended: boolean;
  best: number | null;
}

/** What the island needs from the module session; it never sees the LMS. */
export interface ScenarioPort {
  scenarioProgress(viewId: string): ScenarioProgressView;
  chooseInScenario(viewId: string, choiceIndex: number, shownAt: number): void;
  restartScenario(viewId: string, fromDecision: number): void;
  subscribe(listener: () => void): () => void;
}

const CHANNEL_NAMES: Record<Channel, string> = {
  'live-chat': 'Live chat',
  phone: 'Phone call',
  'in-person': 'In person at the help desk',
  video: 'Video call with screen sharing',
};

/** Whose screen the learner sees, and whether the adviser could see it in this channel. */
const SCREEN_CAPTIONS: Record<Channel, (name: string) => string> = {
  'live-chat': (name) => `What ${name} sees. You cannot see this in a chat: you only know what ${name} tells you.`,
  phone: (name) => `What ${name} sees. You cannot see this on the phone: you only know what ${name} tells you.`,
  'in-person': (name) => `The screen ${name} is using at the help desk. You can both see it.`,
  video: (name) => `${name}'s shared screen. You can both see it.`,
};

export const ENDING_TITLES: Record<NonNullable<RuntimeNode['ending']>, string> = {
  'resolved-well': 'Resolved well',
  'resolved-poorly': 'Resolved, but not well',
  escalated: 'Escalated',
  'gave-up': 'The customer gave up',
};

/**
 * One scenario island's state: the path comes from the session (the only saved thing); the rest
 * is derived by the engine. Keeps only what the view needs between choices: when the node was
 * shown (for latency) and what to announce.
 */
export class ScenarioState {
  readonly scenario: RuntimeScenario;
  readonly viewId: string;
  path = $state<number[]>([]);
  best = $state<number | null>(null);
  /** Text for the polite live region: the customer's newest message(s). */
  announcement = $state('');
  #port: ScenarioPort | null = null;
  #shownAt = 0;
  #now: () => number = Date.now;

  constructor(scenario: RuntimeScenario, viewId: string) {
    this.scenario = scenario;
    this.viewId = viewId;
  }

  connect(port: ScenarioPort, now: () => number = Date.now): () => void {
    this.#port = port;
    this.#now = now;
    this.#sync(true);
    return port.subscribe(() => this.#sync(false));
  }

  get current(): RuntimeNode {
    return walk(this.scenario, this.path).current;
  }

  /** The current node's choices in the order they are shown, each with its index in the scenario file. */
  get shownChoices(): { choice: RuntimeChoice; index: number }[] {
    const node = this.current;
    return choiceDisplayOrder(this.scenario.id, node.id, node.choices.length).map((index) => ({ choice: node.choices[index]!, index }));
  }
  get decisions(): Decision[] {
    return walk(this.scenario, this.path).decisions;
  }
  get lastDecision(): Decision | null {
    return this.decisions.at(-1) ?? null;
  }
  get transcript(): TranscriptEntry[] {
    return transcript(this.scenario, this.path);
  }
  get debrief(): Debrief | null {
    return debrief(this.scenario, this.path);
  }
  get ended(): boolean {
    return this.current.ending !== undefined;
  }
  get channelName(): string {
    return CHANNEL_NAMES[this.scenario.channel];
  }
  get screenCaption(): string {
    return SCREEN_CAPTIONS[this.scenario.channel](this.scenario.customer.name.split(' ')[0]!);
  }

  choose(choiceIndex: number): void {
    this.#port?.chooseInScenario(this.viewId, choiceIndex, this.#shownAt);
  }

  /** Replays from decision `index` (0 = the start). */
  replayFrom(index: number): void {
    this.#port?.restartScenario(this.viewId, index);
  }

  #sync(initial: boolean): void {
    if (!this.#port) return;
    const progress = this.#port.scenarioProgress(this.viewId);
    const changed = progress.path.length !== this.path.length || progress.path.some((c, i) => c !== this.path[i]);
    this.best = progress.best;
    if (!changed && !initial) return;
    this.path = [...progress.path];
    this.#shownAt = this.#now();
    const node = this.current;
    // Announce only what is new: on first load the transcript is read in order instead.
    if (!initial) this.announcement = [node.note, ...node.customer.map((m) => `${this.scenario.customer.name.split(' ')[0]}: ${m}`)].filter(Boolean).join(' ');
  }
}
