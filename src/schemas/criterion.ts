import { z } from 'astro/zod';

/**
 * Criterion ids are a public contract: lessons, quiz items, scenario choices,
 * LMS objectives and the coverage report all name criteria by these ids.
 */
export const CRITERION_ID_PATTERN =
  /^(CFACSD4\.[PK]\d{1,2}|U219\.[1-3]\.\d|D4\.[1-3]\.\d|INSCS001\.[PK]\d{1,2})$/;

export const criterionIdSchema = z
  .string()
  .regex(CRITERION_ID_PATTERN, {
    message:
      'not a criterion id; expected e.g. CFACSD4.P1, U219.2.2, D4.3.7 or INSCS001.K12',
  });

export const criterionSchema = z.strictObject({
  id: criterionIdSchema,
  /** Exact wording from the seed standard. */
  text: z.string().min(3),
  /** Criteria of other standards that say the same thing (many-to-many). */
  maps_to: z.array(criterionIdSchema).default([]),
});

export const standardOutcomeSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9]+\.[A-Za-z0-9-]+$/, {
    message: 'outcome id must look like U219.LO1 or CFACSD4.knowledge',
  }),
  title: z.string().min(3),
  criteria: z.array(criterionSchema).min(1),
});

/** One file in content/standards/: a published standard and its criteria. */
export const standardSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  code: z.enum(['CFACSD4', 'U219', 'D4', 'INSCS001']),
  title: z.string().min(3),
  publisher: z.string().min(2),
  level: z.number().int().optional(),
  seed_file: z.string(),
  outcomes: z.array(standardOutcomeSchema).min(1),
});

export type CriterionId = z.infer<typeof criterionIdSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type StandardOutcome = z.infer<typeof standardOutcomeSchema>;
export type Standard = z.infer<typeof standardSchema>;
