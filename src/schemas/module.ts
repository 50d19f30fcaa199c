import { z } from 'astro/zod';
import { criterionIdSchema } from './criterion.ts';

/** Short, stable, no spaces: these become LMS ids, file names and URLs. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: 'use lower-case letters, digits and single hyphens (e.g. u219-lo1)',
});

/** A module outcome becomes one LMS objective (`<module>-<outcome>`). */
export const moduleOutcomeSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(3),
  criteria: z.array(criterionIdSchema).min(1),
});

/**
 * One reflection prompt at the end of a module: the learner describes real work that
 * speaks to the module's performance criteria, as a starting point for workplace evidence.
 */
export const reflectionPromptSchema = z.strictObject({
  id: slugSchema,
  prompt: z.string().min(10),
  /** Performance criteria of this module's outcomes that an answer speaks to. */
  criteria: z.array(criterionIdSchema).min(1),
  /** Characters a learner may write; the default keeps the worst-case SCORM 2004 state within its budget. */
  max_length: z.number().int().min(100).max(1200).default(800),
});

/** content/modules/<module>/module.yaml */
export const moduleSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(3),
  /** The standards' learning outcome group this module teaches. */
  standard_outcomes: z.array(z.string()).min(1),
  summary: z.string().min(10),
  duration_minutes: z.number().int().positive(),
  /** Percentage of quiz marks needed to pass; also the manifest mastery score. */
  pass_mark: z.number().int().min(1).max(100),
  /** A later worse attempt never turns passed into failed unless this is true. */
  allow_pass_downgrade: z.boolean().default(false),
  outcomes: z.array(moduleOutcomeSchema).min(1),
  /**
   * A practice module lists its scenario ids (files scenarios/<id>.yaml) in the order learners meet them;
   * its quiz is then optional.
   */
  scenarios: z.array(slugSchema).optional(),
  /** How the module score combines its scenarios: `mean` of the scenario percentages. */
  scenario_scoring: z.enum(['mean']).default('mean'),
  /** Reflection prompts shown after the module's quiz or scenarios; gathered into the course's reflective account. */
  reflection: z.array(reflectionPromptSchema).default([]),
});

export type ReflectionPrompt = z.infer<typeof reflectionPromptSchema>;

export type ModuleOutcome = z.infer<typeof moduleOutcomeSchema>;
export type ModuleMeta = z.infer<typeof moduleSchema>;
