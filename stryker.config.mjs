// Mutation testing: plants small bugs in the logic modules and checks that a unit test fails for each one (tests as in
// vitest.stryker.config.ts). Run through `npm run mutate` (tests/mutation/run.ts), which picks the folders, keeps an
// incremental file per folder set and checks each folder's target. Not part of `npm test`; see README "Mutation testing".
const reportDir = process.env.MUTATE_REPORT_DIR ?? 'reports/mutation';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // forks, not threads: a test sets process.env.TZ, which only a separate process honours.
  vitest: { configFile: 'vitest.stryker.config.ts', related: true, pool: 'forks' },
  // Module-level code runs once per worker; re-running every test for it would take hours on 2 cores.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  mutate: [
    'src/tracking/**/*.ts',
    'scorm/**/*.ts',
    'src/lib/**/*.ts',
    'src/course/**/*.ts',
    '!**/*.d.ts',
  ],
  // The machine is shared: two sandboxes at most.
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  // Build outputs and reports are not copied into the sandboxes.
  ignorePatterns: ['dist', 'release', 'reports', 'test-results', 'playwright-report', '.astro'],
  disableTypeChecks: '{src,scorm,tests}/**/*.{js,ts}',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Each folder's own target (90 % or 80 %) is checked by tests/mutation/run.ts; a bare `stryker run` breaks below 80 %.
  thresholds: { high: 90, low: 80, break: Number(process.env.MUTATE_BREAK ?? 80) },
};
