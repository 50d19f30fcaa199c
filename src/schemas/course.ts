import { z } from 'astro/zod';
import { slugSchema } from './module.ts';

/** content/course.yaml: the course as a whole. */
export const courseSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(3),
  /** Semantic version printed in the manifest and zip names so centres know what they uploaded. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'use a version like 1.0.0' }),
  description: z.string().min(10),
  language: z.string().default('en-GB'),
  /** Catalogue keywords an LMS shows and searches (manifest metadata). */
  keywords: z.array(z.string().min(1)).default([]),
  /** Module ids in the order learners meet them. */
  modules: z.array(slugSchema).min(1),
  /**
   * When true the build fails unless every catalogue criterion is both taught
   * (a lesson names it) and checked (a quiz item or scenario choice names it).
   */
  require_full_coverage: z.boolean().default(false),
});

export type CourseMeta = z.infer<typeof courseSchema>;
