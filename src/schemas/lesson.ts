import { z } from 'astro/zod';
import { criterionIdSchema } from './criterion.ts';

/** Frontmatter of content/modules/<module>/NN-<lesson>.mdx */
export const lessonSchema = z.strictObject({
  title: z.string().min(3),
  order: z.number().int().positive(),
  criteria: z.array(criterionIdSchema).min(1),
  duration_minutes: z.number().int().positive().default(10),
  summary: z.string().optional(),
});

export type LessonMeta = z.infer<typeof lessonSchema>;
