import { z } from 'astro/zod';
import { criterionIdSchema } from './criterion.ts';
import { slugSchema } from './module.ts';

/**
 * release/criteria-coverage.json. A stable, public shape: tutors' tools and the build read it.
 * Add fields only; never rename or remove one.
 */
export const coverageCheckSchema = z.strictObject({
  module: slugSchema,
  kind: z.enum(['quiz-item', 'scenario-choice']),
  /** A quiz item's id in its quiz.yaml (`q03`), or a scenario choice as `<scenario>/<node>/<choice>`. */
  id: z.string().regex(/^[\w-]+(\/[\w-]+\/[\w-]+)?$/),
});

export const coverageCriterionSchema = z.strictObject({
  id: criterionIdSchema,
  /** Standard code: CFACSD4, U219, D4 or INSCS001. */
  standard: z.enum(['CFACSD4', 'U219', 'D4', 'INSCS001']),
  /** Exact wording from the seed standard. */
  text: z.string().min(3),
  /** Performance criteria are prepared for, never reported as achieved. */
  kind: z.enum(['knowledge', 'performance']),
  /** The module id that teaches it in full (content/criteria-homes.yaml). */
  home: slugSchema,
  taught: z.array(z.strictObject({ module: slugSchema, lesson: slugSchema, section: z.string().min(1) })),
  checked: z.array(coverageCheckSchema),
});

export const coverageReportSchema = z.strictObject({
  criteria: z.array(coverageCriterionSchema),
});

export type CoverageCheck = z.infer<typeof coverageCheckSchema>;
export type CoverageCriterion = z.infer<typeof coverageCriterionSchema>;
export type CoverageReport = z.infer<typeof coverageReportSchema>;
