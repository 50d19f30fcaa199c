/**
 * npm run mutate [-- FOLDER ...] [-- --force]
 *
 * Mutation testing of the logic folders (default: all of src/tracking, scorm, src/lib, src/course) in one StrykerJS
 * run, then one line per folder with its mutation score against its target (tests/mutation/folder-scores.ts).
 * Exits 1 when a folder is below its target or Stryker fails.
 *
 * Incremental: results are kept per folder set in reports/mutation/<set>/incremental.json, so a second run only
 * re-tests mutants whose code or covering tests changed. --force re-tests everything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FOLDER_TARGETS, folderScores, formatScores, type MutationReport } from './folder-scores.ts';

const root = join(import.meta.dirname, '../..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });

const known = FOLDER_TARGETS.map((t) => t.folder);
const folders = positionals.length === 0 ? known : positionals.map((p) => p.replace(/\/+$/, ''));
const unknown = folders.filter((f) => !known.includes(f));
if (unknown.length > 0) {
  console.error(`mutate: unknown folder ${unknown.join(', ')}; choose from ${known.join(', ')}`);
  process.exit(2);
}

const set = folders.length === known.length ? 'all' : folders.map((f) => f.replace(/\//g, '-')).join('+');
const reportDir = `reports/mutation/${set}`;
const args = [
  'stryker',
  'run',
  '--mutate',
  [...folders.map((f) => `${f}/**/*.ts`), '!**/*.d.ts'].join(','),
  '--incremental',
  '--incrementalFile',
  `${reportDir}/incremental.json`,
  ...(values.force ? ['--force'] : []),
];
const started = Date.now();
// Each folder's target is checked below, so Stryker itself does not break the run.
const stryker = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATE_REPORT_DIR: reportDir, MUTATE_BREAK: '0' } });
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const reportFile = join(root, reportDir, 'mutation.json');
if (stryker.status !== 0 || !existsSync(reportFile)) {
  console.error(`mutate: Stryker exited with ${stryker.status ?? stryker.signal} after ${minutes} min; no scores`);
  process.exit(1);
}

const scores = folderScores(JSON.parse(readFileSync(reportFile, 'utf8')) as MutationReport, FOLDER_TARGETS.filter((t) => folders.includes(t.folder)));
console.log(`\nmutate: ${minutes} min; report ${reportDir}/index.html\n${formatScores(scores)}`);
for (const score of scores.filter((s) => s.survivors.length > 0)) console.log(`\n${score.folder}: not detected\n  ${score.survivors.join('\n  ')}`);
const below = scores.filter((s) => !s.met);
if (below.length > 0) {
  console.error(`\nmutate: below target: ${below.map((s) => `${s.folder} ${s.score} % < ${s.target} %`).join('; ')}`);
  process.exit(1);
}
console.log('\nmutate: every folder meets its target');
