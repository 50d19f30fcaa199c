import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../course/content-error.ts';
import { loadCourse } from '../course/load-course.ts';

/**
 * Validates all of content/ before Astro renders anything, so an author's
 * mistake stops `astro build`/`astro dev` with `file: field: problem` lines
 * instead of a stack trace from deep inside a page.
 */
export default function courseContent(): AstroIntegration {
  return {
    name: 'course-content',
    hooks: {
      'astro:config:setup': ({ config, addWatchFile, logger }) => {
        const contentDir = fileURLToPath(new URL('./content/', config.root));
        try {
          const course = loadCourse(contentDir, fileURLToPath(config.root));
          for (const mod of course.modules) {
            addWatchFile(new URL(`./${mod.moduleFile}`, config.root));
            addWatchFile(new URL(`./${mod.quizFile}`, config.root));
            for (const { file } of mod.scenarios) addWatchFile(new URL(`./${file}`, config.root));
          }
          logger.info(`content ok: ${course.modules.length} module(s), ${course.catalogue.byId.size} criteria`);
        } catch (error) {
          if (error instanceof ContentError) {
            // Re-throw without the stack: the message already names every file and field.
            const clean = new Error(error.message);
            clean.stack = error.message;
            throw clean;
          }
          throw error;
        }
      },
    },
  };
}
