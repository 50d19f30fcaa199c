import { describe, expect, it, vi } from 'vitest';

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
