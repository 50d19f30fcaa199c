import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSchemaFiles } from '../../scorm/schema-files.ts';

/** A fresh copy of the module, so its per-version cache starts empty as it does in a new `npm run validate`. */
async function freshSchemaFiles() {
  vi.resetModules();
  return import('../../scorm/schema-files.ts');
}

describe('schemaFilePaths (files a package may hold without listing them)', () => {
  it("gives a version's schema files, paths relative to the zip root, on the first call and after", async () => {
    const { schemaFilePaths } = await freshSchemaFiles();
    const expected = new Set(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd']);
    expect(schemaFilePaths('1.2')).toEqual(expected);
    expect(schemaFilePaths('1.2')).toEqual(expected);
  });

  it('keeps the versions apart, with the folders lom.xsd includes from', async () => {
    const { schemaFilePaths } = await freshSchemaFiles();
    const scorm2004 = schemaFilePaths('2004');
    expect(scorm2004.has('common/anyElement.xsd')).toBe(true);
    expect(scorm2004.has('adlcp_rootv1p2.xsd')).toBe(false);
    expect(schemaFilePaths('1.2').has('common/anyElement.xsd')).toBe(false);
  });
});

describe('readSchemaFiles', () => {
  it('ships only .xsd and .dtd files from the version folder, sorted, with sub-folders, and leaves notes and backups out', () => {
    // A schemas folder as someone might leave it after updating a schema by hand.
    const xsdDir = mkdtempSync(join(tmpdir(), 'schema-files-'));
    try {
      const root = join(xsdDir, 'scorm12');
      mkdirSync(join(root, 'common'), { recursive: true });
      const files: Record<string, string> = {
        'b.xsd': '<schema b/>',
        'a.dtd': '<!ENTITY a>',
        'common/c.xsd': '<schema c/>',
        'README.txt': 'where these came from',
        'b.xsd.bak': '<schema old/>',
        'notes.xsd.txt': 'not a schema',
      };
      for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
      const entries = readSchemaFiles('1.2', xsdDir);
      expect(entries.map((entry) => [entry.path, new TextDecoder().decode(entry.data)])).toEqual([
        ['a.dtd', '<!ENTITY a>'],
        ['b.xsd', '<schema b/>'],
        ['common/c.xsd', '<schema c/>'],
      ]);
    } finally {
      rmSync(xsdDir, { recursive: true, force: true });
    }
  });
});
