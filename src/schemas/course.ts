import { z } from 'astro/zod';
import { slugSchema } from './module.ts';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'use a colour like #0b5cad' });

/** A centre's own look: its logo and accent colour, the same on every page. */
export const brandingSchema = z.strictObject({
  /** An SVG or PNG file inside content/, e.g. branding/logo.svg. */
  logo: z.string().regex(/\.(svg|png)$/i, { message: 'use an .svg or .png file inside content/' }).optional(),
  /** Alt text for the logo, e.g. the centre's name. */
  logo_alt: z.string().min(2).optional(),
  /** Link and button colour in the light and dark schemes; each must keep WCAG AA contrast (4.5:1). */
  accent: z.strictObject({ light: hexColour, dark: hexColour }).optional(),
});

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
  branding: brandingSchema.optional(),
});

export type CourseMeta = z.infer<typeof courseSchema>;
