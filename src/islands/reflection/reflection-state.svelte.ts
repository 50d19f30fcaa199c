/** One prompt as the module page config carries it. */
export interface ReflectionPromptView {
  id: string;
  text: string;
  maxLength: number;
  criteria: string[];
}

/** What the island needs from the module session; it never sees the LMS. */
export interface ReflectionPort {
  /** The saved answers, or null while the learner has not yet chosen resume or start again. */
  texts(): readonly string[] | null;
  setText(promptIndex: number, text: string): void;
  subscribe(listener: () => void): () => void;
}

/** Characters as the learner counts them (an emoji is one), the same count the session cuts at. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** "120 of 800 characters used" and, near the limit, what is left (announced politely). */
export function counterText(used: number, limit: number): string {
  return `${used} of ${limit} characters used`;
}

export function limitWarning(used: number, limit: number): string {
  if (used >= limit) return `You have reached the limit of ${limit} characters.`;
  if (limit - used <= 50) return `${limit - used} characters left.`;
  return '';
}

/**
 * The reflection island's state: the texts come from the session (the only saved copy);
 * each edit goes back through it, cut to the prompt's limit.
 */
export class ReflectionState {
  readonly prompts: readonly ReflectionPromptView[];
  texts = $state<string[]>([]);
  ready = $state(false);
  #port: ReflectionPort | null = null;

  constructor(prompts: readonly ReflectionPromptView[]) {
    this.prompts = prompts;
    this.texts = prompts.map(() => '');
  }

  connect(port: ReflectionPort): () => void {
    this.#port = port;
    return port.subscribe(() => {
      const saved = port.texts();
      this.ready = saved !== null;
      if (saved) this.prompts.forEach((_, i) => this.texts[i] !== saved[i] && (this.texts[i] = saved[i] ?? ''));
    });
  }

  write(promptIndex: number, text: string): void {
    const prompt = this.prompts[promptIndex];
    if (!prompt) return;
    const cut = Array.from(text).slice(0, prompt.maxLength).join('');
    this.texts[promptIndex] = cut;
    this.#port?.setText(promptIndex, cut);
  }

  used(promptIndex: number): number {
    return characterCount(this.texts[promptIndex] ?? '');
  }
}
