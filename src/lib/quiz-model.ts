import type { Quiz, QuizItem } from '../schemas/quiz.ts';
import { objectiveId, quizInteractionId } from './lms-ids.ts';
import { saltedHash, seal, sha256Hex } from './quiz-hash.ts';
import { authoredKeyParts, orderingSteps } from './quiz-key.ts';

/**
 * A quiz as the browser sees it. In practice mode the key is readable; in
 * assessment mode it is a list of salted hashes, and the feedback (which
 * explains the right answer) travels sealed, only when the review may show it.
 */
export type AnswerKey =
  | { sealed: false; parts: string[] }
  | { sealed: true; salt: string; hashes: string[]; reveal: string | null };

/** What a sealed key reveals after the attempt (practice items carry it openly). */
export interface ItemReveal {
  parts: string[];
  feedback: { correct: string; incorrect: string };
  optionFeedback: Record<string, string>;
}

interface ItemCommon {
  id: string;
  /** LMS interaction id, e.g. `u219-lo1-quiz-q03`. */
  interactionId: string;
  prompt: string;
  criteria: string[];
  /** LMS objective ids (module outcomes) this item counts towards. */
  objectives: string[];
  /** Draw group: a module outcome id or a named bank. */
  bank: string;
  key: AnswerKey;
  /** Practice mode only (assessment items carry it in `key.reveal`). */
  feedback: { correct: string; incorrect: string } | null;
}

export interface ChoiceItem extends ItemCommon {
  type: 'single' | 'multiple' | 'true-false' | 'best-reply';
  options: { id: string; text: string; feedback: string | null }[];
  shuffle: boolean;
  /** best-reply: the customer's chat message. */
  customerMessage: string | null;
}

export interface MatchingItem extends ItemCommon {
  type: 'matching';
  prompts: { id: string; text: string }[];
  answers: { id: string; text: string }[];
  shuffle: boolean;
}

export interface OrderingItem extends ItemCommon {
  type: 'ordering';
  /** In a fixed order that does not give the answer away; ids follow that order. */
  steps: { id: string; text: string }[];
}

export interface FillInItem extends ItemCommon {
  type: 'fill-in';
  maxLength: number;
}

export type RuntimeItem = ChoiceItem | MatchingItem | OrderingItem | FillInItem;

export interface RuntimeOutcome {
  /** LMS objective id, `<module>-<outcome>`. */
  objectiveId: string;
  title: string;
  criteria: string[];
}

export interface RuntimeQuiz {
  title: string;
  intro: string;
  mode: 'practice' | 'assessment';
  passMark: number;
  maxAttempts: number;
  counts: 'best' | 'last';
  showAnswers: boolean;
  shuffleItems: boolean;
  /** How many items each attempt takes from each bank; null = every item. */
  draw: { bank: string; count: number }[] | null;
  items: RuntimeItem[];
  outcomes: RuntimeOutcome[];
}

type OutcomeInput = { id: string; title: string; criteria: readonly string[] };

/** The bank an item is drawn from: its own `bank`, else the first module outcome it serves. */
export function itemBank(item: QuizItem, outcomes: readonly OutcomeInput[]): string {
  return item.bank ?? outcomes.find((o) => o.criteria.some((c) => item.criteria.includes(c)))?.id ?? 'items';
}

/** Banks in the order their first item appears, with their sizes. */
export function banksOf(items: readonly { bank: string }[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(item.bank, (sizes.get(item.bank) ?? 0) + 1);
  return sizes;
}

export function toRuntimeQuiz(moduleId: string, quiz: Quiz, passMark: number, outcomes: readonly OutcomeInput[]): RuntimeQuiz {
  const runtimeOutcomes = outcomes.map((o) => ({ objectiveId: objectiveId(moduleId, o.id), title: o.title, criteria: [...o.criteria] }));
  const sealed = quiz.mode === 'assessment';
  const items = quiz.items.map((item): RuntimeItem => {
    const salt = sha256Hex(`${moduleId}:${JSON.stringify(item)}`).slice(0, 16);
    const reveal: ItemReveal = { parts: authoredKeyParts(item, salt), feedback: item.feedback, optionFeedback: optionFeedback(item) };
    const key: AnswerKey = sealed
      ? {
          sealed: true,
          salt,
          hashes: reveal.parts.map((part) => saltedHash(salt, part)),
          reveal: quiz.show_answers ? seal(JSON.stringify(reveal), salt) : null,
        }
      : { sealed: false, parts: reveal.parts };
    const common: ItemCommon = {
      id: item.id,
      interactionId: quizInteractionId(moduleId, item.id),
      prompt: item.prompt,
      criteria: [...item.criteria],
      objectives: runtimeOutcomes.filter((o) => o.criteria.some((c) => item.criteria.includes(c))).map((o) => o.objectiveId),
      bank: itemBank(item, outcomes),
      key,
      feedback: sealed ? null : item.feedback,
    };
    switch (item.type) {
      case 'true-false':
        return {
          ...common,
          type: item.type,
          shuffle: false,
          customerMessage: null,
          options: [
            { id: 'true', text: 'True', feedback: null },
            { id: 'false', text: 'False', feedback: null },
          ],
        };
      case 'single':
      case 'multiple':
      case 'best-reply':
        return {
          ...common,
          type: item.type,
          shuffle: item.shuffle,
          customerMessage: item.type === 'best-reply' ? item.customer_message : null,
          options: item.options.map(({ id, text, feedback }) => ({ id, text, feedback: sealed ? null : (feedback ?? null) })),
        };
      case 'matching':
        return {
          ...common,
          type: item.type,
          shuffle: item.shuffle,
          prompts: item.prompts.map(({ id, text }) => ({ id, text })),
          // Sorted by id so the authored pairing order is not visible either.
          answers: [...item.answers].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, text }) => ({ id, text })),
        };
      case 'ordering':
        return { ...common, type: item.type, steps: orderingSteps(item.steps, salt) };
      case 'fill-in':
        return { ...common, type: item.type, maxLength: item.max_length };
    }
  });
  return {
    title: quiz.title,
    intro: quiz.intro ?? '',
    mode: quiz.mode,
    passMark,
    maxAttempts: quiz.max_attempts,
    counts: quiz.counts,
    showAnswers: quiz.show_answers,
    shuffleItems: quiz.shuffle_items,
    draw: drawPlan(quiz, items),
    outcomes: runtimeOutcomes,
    items,
  };
}

function optionFeedback(item: QuizItem): Record<string, string> {
  if (!('options' in item)) return {};
  return Object.fromEntries(item.options.flatMap((o) => (o.feedback ? [[o.id, o.feedback]] : [])));
}

function drawPlan(quiz: Quiz, items: readonly RuntimeItem[]): RuntimeQuiz['draw'] {
  if (!quiz.draw) return null;
  const draw = quiz.draw;
  const sizes = banksOf(items);
  // A bank the draw does not name is used whole.
  return [...sizes].map(([bank, size]) => ({ bank, count: 'per_outcome' in draw ? draw.per_outcome : (draw.per_bank[bank] ?? size) }));
}
