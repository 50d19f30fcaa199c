// README: "It exits non-zero when a size budget is broken". The bench is run as a user runs it, on fixture
// folders, once within budget and once with a zip over the 1 MB budget.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchFileFor } from '../../scorm/package-spec.ts';
import { realCourse } from '../support/real-course.ts';
import { BUDGETS } from './bench.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'bench-gate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A dist/ with a tiny launch page per module and a release/ with one zip of `zipBytes` bytes. */
function fixture(name: string, zipBytes: number): { dist: string; release: string } {
  const dist = join(work, name, 'dist');
  const release = join(work, name, 'release');
  mkdirSync(dist, { recursive: true });
  mkdirSync(release, { recursive: true });
  for (const mod of realCourse().modules) writeFileSync(join(dist, launchFileFor(mod.meta.id)), `<!doctype html><title>${mod.meta.id}</title><p>ok</p>`);
  writeFileSync(join(release, 'course-scorm12.zip'), new Uint8Array(zipBytes));
  return { dist, release };
}

function bench(dirs: { dist: string; release: string }) {
  const run = spawnSync(process.execPath, ['tests/bench/bench.ts', '--skip-build', '--no-lighthouse', '--dist', dirs.dist, '--release', dirs.release], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case starts Node on the real bench: seconds on a busy machine.
describe('npm run bench budget gate', { timeout: 120_000 }, () => {
  it('exits 0 and says so when every gated budget is met', () => {
    const result = bench(fixture('within', 1000));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('bench: all gated budgets met');
    expect(result.code).toBe(0);
  });

  it('exits 1 and names the broken budget when a zip is over 1 MB', () => {
    const result = bench(fixture('over', BUDGETS.zipBytes.max + 1));
    expect(result.stdout).not.toContain('all gated budgets met');
    expect(result.stderr).toBe('bench: BUDGET BROKEN: zip size: course-scorm12.zip: 1,048,577 B is over the budget of 1,048,576 B\n');
    expect(result.code).toBe(1);
  });
});
