import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';

/**
 * Lessons are the only collection Astro renders (MDX). Module, quiz and
 * standards files are read by src/course/load-course.ts, which also checks
 * the references between files that a per-file schema cannot see.
 */
export const collections = {
  lessons: defineCollection({
    loader: glob({ pattern: '*/[0-9][0-9]-*.mdx', base: './content/modules' }),
    schema: lessonSchema,
  }),
};
