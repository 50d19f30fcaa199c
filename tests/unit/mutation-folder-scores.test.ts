import { describe, expect, it } from 'vitest';
import { folderScores, formatScores, type MutantResult, type MutationReport } from '../mutation/folder-scores.ts';

let next = 0;
function mutant(status: string, line = 1, replacement?: string): MutantResult {
  return { id: String(next++), mutatorName: 'EqualityOperator', status, location: { start: { line, column: 5 } }, replacement };
}

const report: MutationReport = {
  files: {
    'src/tracking/a.ts': { mutants: [mutant('Killed'), mutant('Killed'), mutant('Timeout'), mutant('Survived', 12, 'a <= b'), mutant('Ignored')] },
    'src/tracking/codec/b.ts': { mutants: [mutant('Killed'), mutant('NoCoverage', 40), mutant('CompileError'), mutant('RuntimeError')] },
    // Same prefix, other folder: must not count towards src/tracking.
    'src/tracking-old/c.ts': { mutants: [mutant('Survived')] },
    'scorm/zip.ts': { mutants: Array.from({ length: 9 }, () => mutant('Killed')).concat(mutant('Survived', 7)) },
  },
};

describe('folderScores', () => {
  const scores = folderScores(report);

  it('scores each folder that has mutants, in target order, skipping folders the run did not mutate', () => {
    expect(scores.map((s) => s.folder)).toEqual(['src/tracking', 'scorm']);
  });

  it('counts killed and timed-out as detected, survived and uncovered as not, and leaves out errors and ignored', () => {
    const tracking = scores[0]!;
    expect(tracking).toMatchObject({ killed: 3, timedOut: 1, survived: 1, noCoverage: 1, invalid: 2, ignored: 1 });
    // 4 detected of 6 valid = 66.666… %, rounded down so a score never shows as meeting a target it misses.
    expect(tracking.score).toBe(66.66);
    expect(tracking.met).toBe(false);
  });

  it('meets a target exactly reached, and names each survivor by file, line and replacement', () => {
    const scorm = scores[1]!;
    expect(scorm.score).toBe(90);
    expect(scorm.met).toBe(true);
    expect(scorm.survivors).toEqual(['scorm/zip.ts:7:5 EqualityOperator']);
    expect(scores[0]!.survivors).toEqual(['src/tracking/a.ts:12:5 EqualityOperator → a <= b', 'src/tracking/codec/b.ts:40:5 EqualityOperator (no test reaches it)']);
  });

  it('gives no score, and no failure, for a folder whose mutants are all ignored', () => {
    const [only] = folderScores({ files: { 'src/lib/x.ts': { mutants: [mutant('Ignored')] } } }, [{ folder: 'src/lib', target: 80 }]);
    expect(only).toMatchObject({ score: null, met: true, ignored: 1 });
  });

  it('refuses a status it does not know instead of counting it', () => {
    expect(() => folderScores({ files: { 'scorm/x.ts': { mutants: [{ ...mutant('Pending'), id: '99' }] } } })).toThrow(
      'scorm/x.ts: mutant 99 has an unknown status "Pending"',
    );
  });

  it('accepts Windows-style and ./-prefixed paths', () => {
    const [lib] = folderScores({ files: { '.\\src\\lib\\x.ts': { mutants: [mutant('Killed')] }, './src/lib/y.ts': { mutants: [mutant('Survived')] } } }, [{ folder: 'src/lib', target: 50 }]);
    expect(lib).toMatchObject({ killed: 1, survived: 1, score: 50, met: true });
  });
});

describe('formatScores', () => {
  it('prints a header and one aligned line per folder, with NO on a missed target', () => {
    const lines = formatScores(folderScores(report)).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^src\/tracking\s+66\.66 %\s+90 %\s+3\s+1\s+1\s+1\s+1\s+NO$/);
    expect(lines[2]).toMatch(/^scorm\s+90\.00 %\s+90 %\s+9\s+0\s+1\s+0\s+0\s+yes$/);
    expect(lines[1]!.indexOf('%')).toBe(lines[2]!.indexOf('%'));
  });
});
