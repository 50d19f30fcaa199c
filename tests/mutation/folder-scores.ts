/**
 * Mutation score per folder from a Stryker JSON report (mutation-testing-report-schema), checked against
 * each folder's target. Pure: read by tests/mutation/run.ts and unit-tested in folder-scores.test.ts.
 */

/** The folders `npm run mutate` covers, each with the score it must reach (percent). */
export const FOLDER_TARGETS: readonly FolderTarget[] = [
  { folder: 'src/tracking', target: 90 },
  { folder: 'scorm', target: 90 },
  { folder: 'src/lib', target: 80 },
  { folder: 'src/course', target: 80 },
];

export interface FolderTarget {
  folder: string;
  target: number;
}

export interface MutantResult {
  id: string;
  mutatorName: string;
  status: string;
  location: { start: { line: number; column: number } };
  replacement?: string;
}

export interface MutationReport {
  files: Record<string, { mutants: MutantResult[] }>;
}

export interface FolderScore {
  folder: string;
  target: number;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  /** Compile and runtime errors: a mutant that could not run says nothing about the tests. */
  invalid: number;
  /** Marked equivalent in the source (`// Stryker disable`), with the reason there. */
  ignored: number;
  /** Detected / (detected + undetected) as a percent, or null when the folder had no valid mutant. */
  score: number | null;
  met: boolean;
  survivors: string[];
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const INVALID = new Set(['CompileError', 'RuntimeError']);
const KNOWN = new Set([...DETECTED, ...UNDETECTED, ...INVALID, 'Ignored']);

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function inFolder(path: string, folder: string): boolean {
  return normalise(path).startsWith(`${folder}/`);
}

/**
 * Scores every folder that has at least one mutant in the report (a run of one folder reports that folder only).
 * Throws on a status this code does not know, rather than count it on either side.
 */
export function folderScores(report: MutationReport, targets: readonly FolderTarget[] = FOLDER_TARGETS): FolderScore[] {
  const scores: FolderScore[] = [];
  for (const { folder, target } of targets) {
    const files = Object.entries(report.files).filter(([path]) => inFolder(path, folder));
    if (files.length === 0) continue;
    const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, invalid: 0, Ignored: 0 };
    const survivors: string[] = [];
    for (const [path, file] of files) {
      for (const mutant of file.mutants) {
        if (!KNOWN.has(mutant.status)) throw new Error(`${path}: mutant ${mutant.id} has an unknown status "${mutant.status}"`);
        if (INVALID.has(mutant.status)) count.invalid++;
        else count[mutant.status as keyof typeof count]++;
        if (UNDETECTED.has(mutant.status)) {
          const { line, column } = mutant.location.start;
          const what = mutant.replacement === undefined ? '' : ` → ${mutant.replacement.replace(/\s+/g, ' ').slice(0, 60)}`;
          survivors.push(`${normalise(path)}:${line}:${column} ${mutant.mutatorName}${what}${mutant.status === 'NoCoverage' ? ' (no test reaches it)' : ''}`);
        }
      }
    }
    const detected = count.Killed + count.Timeout;
    const valid = detected + count.Survived + count.NoCoverage;
    const score = valid === 0 ? null : Math.floor((detected / valid) * 10_000) / 100;
    scores.push({
      folder,
      target,
      killed: count.Killed,
      timedOut: count.Timeout,
      survived: count.Survived,
      noCoverage: count.NoCoverage,
      invalid: count.invalid,
      ignored: count.Ignored,
      score,
      met: score === null || score >= target,
      survivors,
    });
  }
  return scores;
}

/** One line per folder: what `npm run mutate` prints at the end. */
export function formatScores(scores: readonly FolderScore[]): string {
  const header = 'folder        score    target  killed  timeout  survived  no test  ignored  ok';
  const rows = scores.map((s) =>
    [
      s.folder.padEnd(12),
      (s.score === null ? 'n/a' : `${s.score.toFixed(2)} %`).padStart(8),
      `${s.target} %`.padStart(8),
      String(s.killed).padStart(7),
      String(s.timedOut).padStart(8),
      String(s.survived).padStart(9),
      String(s.noCoverage).padStart(8),
      String(s.ignored).padStart(8),
      s.met ? '  yes' : '  NO',
    ].join(' '),
  );
  return [header, ...rows].join('\n');
}
