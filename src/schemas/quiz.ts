import { z } from 'astro/zod';
import { criterionIdSchema } from './criterion.ts';

const itemIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: 'item id must be short, lower-case, no spaces (e.g. q01)',
});

const feedbackSchema = z.strictObject({
  correct: z.string().min(1),
  incorrect: z.string().min(1),
});

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z]$/, { message: 'option id must be one letter a-z' }),
  text: z.string().min(1),
  correct: z.boolean().default(false),
});

const base = {
  id: itemIdSchema,
  criteria: z.array(criterionIdSchema).min(1),
  prompt: z.string().min(5),
  feedback: feedbackSchema,
};

const choiceItem = <T extends 'single' | 'multiple'>(type: T) =>
  z.strictObject({ ...base, type: z.literal(type), options: z.array(optionSchema).min(2).max(8) });

export const singleChoiceItemSchema = choiceItem('single').superRefine((item, ctx) => {
  const correct = item.options.filter((o) => o.correct).length;
  if (correct !== 1)
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: `a single-choice item needs exactly one option with correct: true (found ${correct})`,
    });
});

export const multipleChoiceItemSchema = choiceItem('multiple').superRefine((item, ctx) => {
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

export const quizItemSchema = z.discriminatedUnion('type', [
  singleChoiceItemSchema,
  multipleChoiceItemSchema,
  trueFalseItemSchema,
]);

/** content/modules/<module>/quiz.yaml */
export const quizSchema = z
  .strictObject({
    title: z.string().min(3),
    intro: z.string().optional(),
    /** 0 = unlimited. */
    max_attempts: z.number().int().min(0).max(20).default(0),
    items: z.array(quizItemSchema).min(1),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.items.forEach((item, index) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
    });
  });

export type QuizItem = z.infer<typeof quizItemSchema>;
export type Quiz = z.infer<typeof quizSchema>;
