import { z } from 'astro/zod';
import { criterionIdSchema } from './criterion.ts';

const slug = (example: string) =>
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: `must be short, lower-case, no spaces (e.g. ${example})` });

const itemIdSchema = slug('q01');
const letterIdSchema = z.string().regex(/^[a-z]$/, { message: 'option id must be one letter a-z' });

const feedbackSchema = z.strictObject({
  correct: z.string().min(1),
  incorrect: z.string().min(1),
});

const optionSchema = z.strictObject({
  id: letterIdSchema,
  text: z.string().min(1),
  correct: z.boolean().default(false),
  /** Why choosing this option is right or wrong; the item's feedback is used when left out. */
  feedback: z.string().min(1).optional(),
});

const base = {
  id: itemIdSchema,
  criteria: z.array(criterionIdSchema).min(1),
  prompt: z.string().min(5),
  feedback: feedbackSchema,
  /** Draw group; the item's first module outcome when left out. */
  bank: slug('questioning').optional(),
};

/** Options are shown in a new order for each learner and attempt unless the item opts out (e.g. an ordered scale). */
const shuffleOption = { shuffle: z.boolean().default(true) };
const optionsSchema = z.array(optionSchema).min(2).max(8);

function uniqueIds(ids: readonly string[], path: string, what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate ${what} id "${id}"` });
    seen.add(id);
  });
}

function exactlyOneCorrect(kind: string) {
  return (item: { options: { id: string; correct: boolean }[] }, ctx: z.RefinementCtx) => {
    uniqueIds(item.options.map((o) => o.id), 'options', 'option', ctx);
    const correct = item.options.filter((o) => o.correct).length;
    if (correct !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${kind} item needs exactly one option with correct: true (found ${correct})`,
      });
  };
}

export const singleChoiceItemSchema = z
  .strictObject({ ...base, ...shuffleOption, type: z.literal('single'), options: optionsSchema })
  .superRefine(exactlyOneCorrect('single-choice'));

/** A customer's chat message shown as a bubble; the learner picks the best reply. */
export const bestReplyItemSchema = z
  .strictObject({
    ...base,
    ...shuffleOption,
    type: z.literal('best-reply'),
    customer_message: z.string().min(3, { message: 'a best-reply item needs the customer\'s message' }),
    options: optionsSchema,
  })
  .superRefine(exactlyOneCorrect('best-reply'));

export const multipleChoiceItemSchema = z
  .strictObject({ ...base, ...shuffleOption, type: z.literal('multiple'), options: optionsSchema })
  .superRefine((item, ctx) => {
    uniqueIds(item.options.map((o) => o.id), 'options', 'option', ctx);
    if (!item.options.some((o) => o.correct))
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a multiple-choice item needs at least one option with correct: true',
      });
  });

export const trueFalseItemSchema = z.strictObject({
  ...base,
  type: z.literal('true-false'),
  answer: z.boolean({ message: 'a true-false item needs answer: true or answer: false' }),
});

/** Pair each prompt with one answer. Extra answers are allowed only when marked `distractor: true`. */
export const matchingItemSchema = z
  .strictObject({
    ...base,
    ...shuffleOption,
    type: z.literal('matching'),
    prompts: z
      .array(z.strictObject({ id: slug('p1'), text: z.string().min(1), answer: letterIdSchema }))
      .min(2, { message: 'a matching item needs at least 2 prompts' })
      .max(8),
    answers: z
      .array(z.strictObject({ id: letterIdSchema, text: z.string().min(1), distractor: z.boolean().default(false) }))
      .min(2)
      .max(10),
  })
  .superRefine((item, ctx) => {
    uniqueIds(item.prompts.map((p) => p.id), 'prompts', 'prompt', ctx);
    uniqueIds(item.answers.map((a) => a.id), 'answers', 'answer', ctx);
    const answerIds = item.answers.map((a) => a.id);
    const used = new Set<string>();
    item.prompts.forEach((prompt, i) => {
      const answer = item.answers.find((a) => a.id === prompt.answer);
      if (!answer)
        ctx.addIssue({
          code: 'custom',
          path: ['prompts', i, 'answer'],
          message: `"${prompt.answer}" is not among the answers; expected one of ${answerIds.join(', ')}`,
        });
      else if (answer.distractor)
        ctx.addIssue({ code: 'custom', path: ['prompts', i, 'answer'], message: `"${prompt.answer}" is marked distractor: true, so it cannot be a correct answer` });
      else if (used.has(prompt.answer))
        ctx.addIssue({ code: 'custom', path: ['prompts', i, 'answer'], message: `"${prompt.answer}" is already the answer to another prompt; each answer matches one prompt` });
      used.add(prompt.answer);
    });
    const matchable = item.answers.filter((a) => !a.distractor).length;
    if (matchable !== item.prompts.length)
      ctx.addIssue({
        code: 'custom',
        path: ['answers'],
        message: `${item.answers.length} answers for ${item.prompts.length} prompts: mark each extra answer with distractor: true, or give each answer a prompt`,
      });
  });

/** Steps written in the right order; the learner sees them shuffled. */
export const orderingItemSchema = z.strictObject({
  ...base,
  type: z.literal('ordering'),
  steps: z
    .array(z.string().min(1))
    .min(3, { message: 'an ordering item needs at least 3 steps' })
    .max(8)
    .refine((steps) => new Set(steps).size === steps.length, { message: 'two steps have the same text' }),
});

/** A short typed answer, accepted when it matches a variant ignoring case, spacing and punctuation. */
export const fillInItemSchema = z.strictObject({
  ...base,
  type: z.literal('fill-in'),
  accepted: z
    .array(z.string().min(1))
    .min(1, { message: 'a fill-in item needs at least one accepted answer' }),
  /** Longest answer a learner may type. */
  max_length: z.number().int().min(5).max(60).default(40),
});

export const quizItemSchema = z.discriminatedUnion('type', [
  singleChoiceItemSchema,
  multipleChoiceItemSchema,
  trueFalseItemSchema,
  bestReplyItemSchema,
  matchingItemSchema,
  orderingItemSchema,
  fillInItemSchema,
]);

export const QUIZ_ITEM_TYPES = ['single', 'multiple', 'true-false', 'best-reply', 'matching', 'ordering', 'fill-in'] as const;

/** How many items each attempt takes from each bank (module outcome or named bank). */
export const drawSchema = z.union([
  z.strictObject({ per_outcome: z.number().int().min(1) }),
  z.strictObject({ per_bank: z.record(slug('questioning'), z.number().int().min(1)) }),
]);

/** content/modules/<module>/quiz.yaml */
export const quizSchema = z
  .strictObject({
    title: z.string().min(3),
    intro: z.string().optional(),
    /** practice: feedback after each item. assessment: feedback only at the end, and no readable answer key in the page. */
    mode: z.enum(['practice', 'assessment']).default('practice'),
    /** 0 = unlimited. */
    max_attempts: z.number().int().min(0).max(20).default(0),
    /** Which attempt the LMS score follows. */
    counts: z.enum(['best', 'last']).default('best'),
    /** Assessment review: show the right answers and feedback after an attempt. */
    show_answers: z.boolean().default(true),
    /** Items appear in a new order for each attempt unless this is false. */
    shuffle_items: z.boolean().default(true),
    /** Leave out to use every item in every attempt. */
    draw: drawSchema.optional(),
    items: z.array(quizItemSchema).min(1),
  })
  .superRefine((quiz, ctx) => uniqueIds(quiz.items.map((item) => item.id), 'items', 'item', ctx));

export type QuizItem = z.infer<typeof quizItemSchema>;
export type QuizItemType = QuizItem['type'];
export type Quiz = z.infer<typeof quizSchema>;
export type QuizDraw = z.infer<typeof drawSchema>;
