import { z } from 'astro/zod';
import { criterionIdSchema } from './criterion.ts';
import { slugSchema } from './module.ts';

/**
 * content/criteria-homes.yaml: each criterion's home module, where it is taught in full and checked.
 * Module ids may name modules not written yet; every catalogue criterion must appear exactly once.
 */
export const criteriaHomesSchema = z.strictObject({
  homes: z.record(slugSchema, z.array(criterionIdSchema).min(1)),
});

export type CriteriaHomesFile = z.infer<typeof criteriaHomesSchema>;
