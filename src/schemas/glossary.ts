import { z } from 'astro/zod';

/** One entry in content/glossary/<module-id>.yaml: a term and its meaning in plain words. */
export const glossaryEntrySchema = z.strictObject({
  term: z.string().trim().min(2),
  /** One or two short sentences a level 2 learner understands without the lesson. */
  definition: z.string().trim().min(10),
  /** Other forms that count as a use of the term, e.g. plurals: `[browsers]`. */
  aliases: z.array(z.string().trim().min(2)).default([]),
});

/** content/glossary/<module-id>.yaml: a list of entries (one file per module, so authors never share a file). */
export const glossaryFileSchema = z.array(glossaryEntrySchema).min(1, { message: 'list at least one term, or delete the file' });

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
