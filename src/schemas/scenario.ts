import { z } from 'astro/zod';
import { criterionIdSchema } from './criterion.ts';
import { slugSchema } from './module.ts';

/** What the customer's screen shows: the island draws it in HTML/CSS, no images. */
export const SCREEN_KINDS = ['sign-in', 'form', 'upload', 'error', 'unavailable', 'confirmation', 'menu', 'verification', 'home'] as const;
export const FIELD_STATES = ['empty', 'filled', 'error'] as const;
export const ENDINGS = ['resolved-well', 'resolved-poorly', 'escalated', 'gave-up'] as const;
export const CHANNELS = ['live-chat', 'phone', 'in-person', 'video'] as const;

const text = z.string().trim().min(1, { message: 'must not be empty' });

export const screenFieldSchema = z.strictObject({
  label: text,
  value: z.string().default(''),
  state: z.enum(FIELD_STATES).optional(),
});

export const screenSchema = z.strictObject({
  kind: z.enum(SCREEN_KINDS),
  page: text,
  step: text.optional(),
  fields: z.array(screenFieldSchema).optional(),
  message: text.optional(),
  buttons: z.array(text).optional(),
  /** The element the conversation is about: a field label, a button or the message. */
  highlight: text.optional(),
});

export const choiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z]$/, { message: 'choice id must be one letter a-z' }),
  /** What the adviser says or does. */
  say: text,
  next: slugSchema,
  /** 2 = best, 1 = acceptable, 0 = poor. */
  score: z.union([z.literal(0), z.literal(1), z.literal(2)], { message: 'score must be 0 (poor), 1 (acceptable) or 2 (best)' }),
  feedback: text,
  criteria: z.array(criterionIdSchema).min(1, { message: 'name at least one criterion this choice practises' }),
});

/** A node is a decision point (choices) or an ending (ending + debrief); the graph lint reports dead ends. */
export const scenarioNodeSchema = z
  .strictObject({
    /** What the customer says (or, face to face, does) at this point, in order. */
    customer: z.array(text).min(1, { message: 'give at least one customer message' }),
    /** Optional stage direction shown in the transcript, e.g. "Priya shares her screen." */
    note: text.optional(),
    screen: screenSchema,
    choices: z.array(choiceSchema).min(2, { message: 'a decision needs 2-4 choices' }).max(4, { message: 'a decision needs 2-4 choices' }).optional(),
    ending: z.enum(ENDINGS).optional(),
    debrief: text.optional(),
  })
  .superRefine((node, ctx) => {
    if (node.ending && node.choices)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'an ending has no choices; remove choices or ending' });
    if (node.ending && !node.debrief)
      ctx.addIssue({ code: 'custom', path: ['debrief'], message: 'an ending needs a debrief (2-4 sentences on what the learner practised)' });
    if (!node.ending && node.debrief)
      ctx.addIssue({ code: 'custom', path: ['debrief'], message: 'only an ending has a debrief; add ending: resolved-well | resolved-poorly | escalated | gave-up' });
  });

/** content/modules/<module>/scenarios/<id>.yaml: one branching customer conversation. */
export const scenarioSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(3),
  /** OCR D4: a customer new to the online service, or familiar with it. */
  situation: z.enum(['new', 'familiar']),
  /** OCR D4: a difficulty caused by the customer's own use, or a system or equipment failure. */
  cause: z.enum(['customer-use', 'system-failure']),
  channel: z.enum(CHANNELS),
  /** Percentage of the best possible score on the path taken. */
  pass_mark: z.number().int().min(1).max(100),
  service: z.strictObject({ name: text, site: text }),
  customer: z.strictObject({
    name: text,
    age: z.number().int().min(16).max(110),
    about: text,
    goal: text,
    familiarity: text,
    mood: text,
    access_need: text,
  }),
  start: slugSchema,
  /** Node ids are kebab-case (the graph lint checks them); they become part of LMS interaction ids. */
  nodes: z.record(z.string(), scenarioNodeSchema),
});

export type ScreenState = z.infer<typeof screenSchema>;
export type ScenarioChoice = z.infer<typeof choiceSchema>;
export type ScenarioNode = z.infer<typeof scenarioNodeSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type EndingKind = (typeof ENDINGS)[number];
export type Channel = (typeof CHANNELS)[number];
