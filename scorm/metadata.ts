import type { PackageSpec, ScoSpec } from './package-spec.ts';
import { escapeXml } from './xml.ts';

/**
 * Catalogue metadata inline in each manifest, so an LMS (or a centre's
 * repository) shows title, description, version, language, keywords and each
 * module's typical learning time without opening the course. SCORM 1.2 uses IMS
 * Metadata 1.2.1 (imsmd), SCORM 2004 uses IEEE LOM; the content is the same.
 */

const IMSMD = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
const LOM = 'http://ltsc.ieee.org/xsd/LOM';

/** Minutes → SCORM 1.2 CMITimespan (HHHH:MM:SS), the format 1.2 LMSs parse. */
export function timespan12(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(4, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}

/** Minutes → ISO 8601 duration (PT1H30M), the LOM and cmi5 format. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

function totalMinutes(spec: PackageSpec): number {
  return spec.scos.reduce((sum, sco) => sum + sco.durationMinutes, 0);
}

export function packageMetadata12(spec: PackageSpec, indent: string): string[] {
  const lang = escapeXml(spec.language);
  const langstring = (text: string) => `<imsmd:langstring xml:lang="${lang}">${escapeXml(text)}</imsmd:langstring>`;
  return [
    `<imsmd:lom xmlns:imsmd="${IMSMD}">`,
    '  <imsmd:general>',
    `    <imsmd:title>${langstring(spec.title)}</imsmd:title>`,
    `    <imsmd:language>${lang}</imsmd:language>`,
    `    <imsmd:description>${langstring(spec.description)}</imsmd:description>`,
    ...spec.keywords.map((keyword) => `    <imsmd:keyword>${langstring(keyword)}</imsmd:keyword>`),
    '  </imsmd:general>',
    '  <imsmd:lifecycle>',
    `    <imsmd:version>${langstring(spec.courseVersion)}</imsmd:version>`,
    '  </imsmd:lifecycle>',
    '  <imsmd:educational>',
    `    <imsmd:typicallearningtime><imsmd:datetime>${timespan12(totalMinutes(spec))}</imsmd:datetime></imsmd:typicallearningtime>`,
    '  </imsmd:educational>',
    '</imsmd:lom>',
  ].map((line) => indent + line);
}

export function itemMetadata12(sco: ScoSpec, indent: string): string[] {
  return [
    '<metadata>',
    `  <imsmd:lom xmlns:imsmd="${IMSMD}">`,
    `    <imsmd:educational><imsmd:typicallearningtime><imsmd:datetime>${timespan12(sco.durationMinutes)}</imsmd:datetime></imsmd:typicallearningtime></imsmd:educational>`,
    '  </imsmd:lom>',
    '</metadata>',
  ].map((line) => indent + line);
}

export function packageMetadata2004(spec: PackageSpec, indent: string): string[] {
  const lang = escapeXml(spec.language);
  const string = (text: string) => `<string language="${lang}">${escapeXml(text)}</string>`;
  return [
    `<lom xmlns="${LOM}">`,
    '  <general>',
    `    <title>${string(spec.title)}</title>`,
    `    <language>${lang}</language>`,
    `    <description>${string(spec.description)}</description>`,
    ...spec.keywords.map((keyword) => `    <keyword>${string(keyword)}</keyword>`),
    '  </general>',
    '  <lifeCycle>',
    `    <version>${string(spec.courseVersion)}</version>`,
    '  </lifeCycle>',
    '  <educational>',
    `    <typicalLearningTime><duration>${isoDuration(totalMinutes(spec))}</duration></typicalLearningTime>`,
    '  </educational>',
    '</lom>',
  ].map((line) => indent + line);
}

export function itemMetadata2004(sco: ScoSpec, indent: string): string[] {
  return [
    '<metadata>',
    `  <lom xmlns="${LOM}">`,
    `    <educational><typicalLearningTime><duration>${isoDuration(sco.durationMinutes)}</duration></typicalLearningTime></educational>`,
    '  </lom>',
    '</metadata>',
  ].map((line) => indent + line);
}
