import { afterEach, describe, expect, it } from 'vitest';
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
