import { describe, expect, it } from 'vitest';
import { isoDuration, itemMetadata12, itemMetadata2004, packageMetadata12, packageMetadata2004, timespan12 } from '../../scorm/metadata.ts';
import { buildPackageSpec, type PackageSpec } from '../../scorm/package-spec.ts';
import { demoCourse, demoSite } from '../fixtures/packages/demo-package.ts';

// The catalogue metadata an LMS shows before anyone opens the course: the exact XML lines written into the manifest.

const base = buildPackageSpec(demoCourse, '1.2', demoSite().map((entry) => entry.path));
const spec: PackageSpec = {
  ...base,
  title: 'Safety & <Security>',
  description: 'Two "short" modules',
  language: 'en-GB',
  courseVersion: '1.2.3',
  keywords: ['live chat', "email & o'clock"],
  // 30 + 65 minutes: the total crosses the hour.
  scos: [
    { ...base.scos[0]!, durationMinutes: 30 },
    { ...base.scos[1]!, durationMinutes: 65 },
  ],
};

describe('timespan12 (SCORM 1.2 CMITimespan)', () => {
  it.each([
    [0, '0000:00:00'],
    [5, '0000:05:00'],
    [59, '0000:59:00'],
    [60, '0001:00:00'],
    [95, '0001:35:00'],
    [605, '0010:05:00'],
  ])('writes %i minutes as %s', (minutes, expected) => {
    expect(timespan12(minutes)).toBe(expected);
  });
});

describe('isoDuration (LOM and cmi5)', () => {
  it.each([
    [0, 'PT0M'],
    [30, 'PT30M'],
    [60, 'PT1H'],
    [95, 'PT1H35M'],
    [125, 'PT2H5M'],
    [180, 'PT3H'],
  ])('writes %i minutes as %s', (minutes, expected) => {
    expect(isoDuration(minutes)).toBe(expected);
  });
});

describe('SCORM 1.2 metadata (IMS Metadata 1.2.1)', () => {
  it('writes the course title, language, description, keywords, version and total time, escaped and indented', () => {
    expect(packageMetadata12(spec, '  ')).toEqual([
      '  <imsmd:lom xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">',
      '    <imsmd:general>',
      '      <imsmd:title><imsmd:langstring xml:lang="en-GB">Safety &amp; &lt;Security&gt;</imsmd:langstring></imsmd:title>',
      '      <imsmd:language>en-GB</imsmd:language>',
      '      <imsmd:description><imsmd:langstring xml:lang="en-GB">Two &quot;short&quot; modules</imsmd:langstring></imsmd:description>',
      '      <imsmd:keyword><imsmd:langstring xml:lang="en-GB">live chat</imsmd:langstring></imsmd:keyword>',
      '      <imsmd:keyword><imsmd:langstring xml:lang="en-GB">email &amp; o&apos;clock</imsmd:langstring></imsmd:keyword>',
      '    </imsmd:general>',
      '    <imsmd:lifecycle>',
      '      <imsmd:version><imsmd:langstring xml:lang="en-GB">1.2.3</imsmd:langstring></imsmd:version>',
      '    </imsmd:lifecycle>',
      '    <imsmd:educational>',
      '      <imsmd:typicallearningtime><imsmd:datetime>0001:35:00</imsmd:datetime></imsmd:typicallearningtime>',
      '    </imsmd:educational>',
      '  </imsmd:lom>',
    ]);
  });

  it("writes each module's typical learning time", () => {
    expect(itemMetadata12(spec.scos[1]!, '\t')).toEqual([
      '\t<metadata>',
      '\t  <imsmd:lom xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">',
      '\t    <imsmd:educational><imsmd:typicallearningtime><imsmd:datetime>0001:05:00</imsmd:datetime></imsmd:typicallearningtime></imsmd:educational>',
      '\t  </imsmd:lom>',
      '\t</metadata>',
    ]);
  });
});

describe('SCORM 2004 metadata (IEEE LOM)', () => {
  it('writes the course title, language, description, keywords, version and total time, escaped and indented', () => {
    expect(packageMetadata2004(spec, '  ')).toEqual([
      '  <lom xmlns="http://ltsc.ieee.org/xsd/LOM">',
      '    <general>',
      '      <title><string language="en-GB">Safety &amp; &lt;Security&gt;</string></title>',
      '      <language>en-GB</language>',
      '      <description><string language="en-GB">Two &quot;short&quot; modules</string></description>',
      '      <keyword><string language="en-GB">live chat</string></keyword>',
      '      <keyword><string language="en-GB">email &amp; o&apos;clock</string></keyword>',
      '    </general>',
      '    <lifeCycle>',
      '      <version><string language="en-GB">1.2.3</string></version>',
      '    </lifeCycle>',
      '    <educational>',
      '      <typicalLearningTime><duration>PT1H35M</duration></typicalLearningTime>',
      '    </educational>',
      '  </lom>',
    ]);
  });

  it("writes each module's typical learning time", () => {
    expect(itemMetadata2004(spec.scos[0]!, '\t')).toEqual([
      '\t<metadata>',
      '\t  <lom xmlns="http://ltsc.ieee.org/xsd/LOM">',
      '\t    <educational><typicalLearningTime><duration>PT30M</duration></typicalLearningTime></educational>',
      '\t  </lom>',
      '\t</metadata>',
    ]);
  });
});
