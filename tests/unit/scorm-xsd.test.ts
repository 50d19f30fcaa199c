import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateManifestXsd, validateManifestXsdText } from '../../scorm/validate.ts';
import { demoPackageFiles, manifestText } from '../fixtures/packages/demo-package.ts';

// Needs xmllint (Debian: apt-get install libxml2-utils). Not skipped when missing:
// a schema check that silently does not run is worse than a red test.

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/packages/${name}`, import.meta.url));

describe('validateManifestXsd', () => {
  const originalPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = originalPath;
  });

  it.each(['1.2', '2004'] as const)('accepts the generated SCORM %s manifest, with no noise left in errors', (version) => {
    expect(validateManifestXsdText(manifestText(demoPackageFiles(version)), version)).toEqual({ ok: true, errors: [] });
  });

  it('rejects adlcp:scormtype="SCO" in a 1.2 manifest', () => {
    const result = validateManifestXsd(fixture('scorm12-scormtype-uppercase.xml'), '1.2');
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/scormtype': \[facet 'enumeration'\] The value 'SCO' is not an element of the set/);
    expect(result.errors.join('\n')).not.toMatch(/xml namespace URI cannot be the default namespace/);
  });

  it('rejects a 2004 manifest without <organizations>', () => {
    const result = validateManifestXsd(fixture('scorm2004-no-organizations.xml'), '2004');
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Expected is \( \{http:\/\/www\.imsglobal\.org\/xsd\/imscp_v1p1\}organizations \)/);
  });

  it('rejects a 1.2 manifest checked against the 2004 schemas', () => {
    expect(validateManifestXsdText(manifestText(demoPackageFiles('1.2')), '2004').ok).toBe(false);
  });

  it('names the manifest, not a temporary path, in errors about manifest text', () => {
    const broken = manifestText(demoPackageFiles('2004')).replace('adlcp:scormType="sco"', 'adlcp:scormType="SCO"');
    const result = validateManifestXsdText(broken, '2004');
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/^imsmanifest\.xml:\d+: element resource: Schemas validity error/);
  });

  it('says how to install xmllint when it is missing', () => {
    process.env.PATH = '/nonexistent';
    expect(validateManifestXsd(fixture('scorm2004-no-organizations.xml'), '2004')).toEqual({
      ok: false,
      errors: ['xmllint is not installed: install it with `apt-get install libxml2-utils` (Debian/Ubuntu)'],
    });
  });
});

/**
 * A stand-in xmllint on PATH that prints `stderr` and exits with `status`, so the
 * reading of xmllint's output can be checked line by line.
 */
function withFakeXmllint(stderr: string, status: number, run: () => void, mode = 0o755): void {
  const bin = mkdtempSync(join(tmpdir(), 'fake-xmllint-'));
  const originalPath = process.env.PATH;
  try {
    writeFileSync(join(bin, 'stderr.txt'), stderr);
    writeFileSync(join(bin, 'xmllint'), `#!/bin/sh\n/bin/cat "${join(bin, 'stderr.txt')}" >&2\nexit ${status}\n`);
    chmodSync(join(bin, 'xmllint'), mode);
    process.env.PATH = bin;
    run();
  } finally {
    process.env.PATH = originalPath;
    rmSync(bin, { recursive: true, force: true });
  }
}

const noise = '/xsd/ims_xml.xsd:10: namespace error : xml namespace URI cannot be the default namespace';

describe('validateManifestXsd: reading xmllint output', () => {
  it('keeps error lines, drops blank lines and the "validates" line', () => {
    withFakeXmllint('m.xml:3: element x: Schemas validity error : bad\n   \n\nm.xml:4: element y: Schemas validity error : \'z validates y\' is not allowed\nm.xml validates\n', 1, () => {
      expect(validateManifestXsd('m.xml', '1.2')).toEqual({
        ok: false,
        errors: ['m.xml:3: element x: Schemas validity error : bad', "m.xml:4: element y: Schemas validity error : 'z validates y' is not allowed"],
      });
    });
  });

  it('reports a failing exit status that came with no message', () => {
    withFakeXmllint('', 3, () => expect(validateManifestXsd('m.xml', '1.2')).toEqual({ ok: false, errors: ['xmllint exited with status 3'] }));
  });

  it('accepts a clean run', () => {
    withFakeXmllint('m.xml validates\n', 0, () => expect(validateManifestXsd('m.xml', '1.2')).toEqual({ ok: true, errors: [] }));
  });

  it('drops the known 1.2 noise line with its source excerpt and caret, even with Windows line ends', () => {
    withFakeXmllint(`${noise}\n<xs:schema xmlns="http://www.w3.org/XML/1998/namespace"\n         ^\r\nm.xml validates\n`, 0, () => {
      expect(validateManifestXsd('m.xml', '1.2')).toEqual({ ok: true, errors: [] });
    });
  });

  it('drops only the noise line when no caret line follows it', () => {
    withFakeXmllint(`${noise}\nm.xml:3: error A\nm.xml:4: error B ^\n`, 1, () => {
      expect(validateManifestXsd('m.xml', '1.2').errors).toEqual(['m.xml:3: error A', 'm.xml:4: error B ^']);
    });
    withFakeXmllint(`${noise}\nm.xml:3: error A\n   ^ not a caret line\n`, 1, () => {
      expect(validateManifestXsd('m.xml', '1.2').errors).toEqual(['m.xml:3: error A', '   ^ not a caret line']);
    });
  });

  it('says why xmllint could not run when it is there but not executable', () => {
    withFakeXmllint('', 0, () => expect(validateManifestXsd('m.xml', '1.2')).toEqual({ ok: false, errors: ['xmllint could not run: spawnSync xmllint EACCES'] }), 0o644);
  });
});

describe('validateManifestXsdText', () => {
  it('leaves no temporary folder behind', () => {
    const originalTmp = process.env.TMPDIR;
    const tmp = mkdtempSync(join(tmpdir(), 'xsd-text-'));
    try {
      process.env.TMPDIR = tmp;
      expect(validateManifestXsdText(manifestText(demoPackageFiles('2004')), '2004').ok).toBe(true);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (originalTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = originalTmp;
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
