import type { PackageSpec } from './package-spec.ts';
import { normalizedMeasure } from './manifest-2004.ts';
import { deadPageLinks } from './page-links.ts';
import { escapeXml, findAll, parseXml, XmlSyntaxError } from './xml.ts';

/**
 * cmi5 course structure (cmi5.xml): one AU per module. The LMS launches each AU's
 * URL with endpoint, fetch, actor, registration and activityId appended; the
 * page's connectLms sees them and talks xAPI (src/tracking/cmi5-adapter.ts).
 */

export const CMI5_FILE = 'cmi5.xml';
const NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** IRIs must stay the same across course versions, so an LMS sees an update, not a new course. */
export function courseIri(courseId: string): string {
  return `urn:x-course:${courseId}`;
}

export function auIri(courseId: string, moduleId: string): string {
  return `${courseIri(courseId)}:au:${moduleId}`;
}

export function buildCmi5Xml(spec: PackageSpec): string {
  const lang = escapeXml(spec.language);
  const langstring = (text: string) => `<langstring lang="${lang}">${escapeXml(text)}</langstring>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<courseStructure xmlns="${NAMESPACE}">`,
    `  <course id="${escapeXml(courseIri(spec.courseId))}">`,
    `    <title>${langstring(spec.title)}</title>`,
    `    <description>${langstring(`${spec.description} Version ${spec.courseVersion}.`)}</description>`,
    '  </course>',
    ...spec.scos.flatMap((sco) => [
      // CompletedAndPassed: the module counts once it is read and its quiz passed, as in the SCORM packages.
      `  <au id="${escapeXml(auIri(spec.courseId, sco.moduleId))}" moveOn="CompletedAndPassed" masteryScore="${normalizedMeasure(sco.masteryScore)}" launchMethod="AnyWindow">`,
      `    <title>${langstring(sco.title)}</title>`,
      `    <description>${langstring(`${sco.title}: about ${sco.durationMinutes} minutes.`)}</description>`,
      `    <url>${escapeXml(sco.launchHref)}</url>`,
      '  </au>',
    ]),
    '</courseStructure>',
    '',
  ].join('\n');
}

/**
 * Pages in the cmi5 zip may send statements to the LRS the LMS names at launch,
 * which is usually another origin; every other package keeps connect-src 'self'.
 */
export function widenConnectSrcForLrs(html: string): string {
  return html.replace(/(<meta http-equiv="content-security-policy" content="[^"]*?connect-src 'self')/i, '$1 https: http://localhost:* http://127.0.0.1:*');
}

/** Problems in a cmi5 package (path → bytes): structure, AU URLs, files, links between pages. */
export function checkCmi5Package(files: Map<string, Uint8Array>): string[] {
  const bytes = files.get(CMI5_FILE);
  if (!bytes) return [`${CMI5_FILE}: missing at the zip root`];
  let root;
  try {
    root = parseXml(new TextDecoder().decode(bytes));
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent, parseXml throws nothing but XmlSyntaxError; the re-throw only guards a future bug.
    if (error instanceof XmlSyntaxError) return [`${CMI5_FILE}: not well-formed XML: ${error.message}`];
    throw error;
  }
  const structure = root.children.find((element) => element.name === 'courseStructure');
  if (!structure) return [`${CMI5_FILE}: root element is not <courseStructure>`];
  const problems: string[] = [];
  if (structure.attributes.get('xmlns') !== NAMESPACE) problems.push(`${CMI5_FILE}: <courseStructure> namespace is not "${NAMESPACE}"`);
  if (!findAll(structure, 'course')[0]?.attributes.get('id')) problems.push(`${CMI5_FILE}: <course> with an id is missing`);
  const aus = findAll(structure, 'au');
  if (aus.length === 0) problems.push(`${CMI5_FILE}: no <au>: the LMS has nothing to launch`);
  const seen = new Set<string>();
  for (const au of aus) {
    const id = au.attributes.get('id') ?? '';
    const where = `${CMI5_FILE}: line ${au.line}: <au id="${id}">`;
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) problems.push(`${where}: id is not an IRI`);
    if (seen.has(id)) problems.push(`${where}: id is used by another <au>`);
    seen.add(id);
    const mastery = au.attributes.get('masteryScore');
    // Number('') and Number(' ') are 0, but an empty masteryScore is no xs:decimal: the LMS refuses the course structure.
    if (mastery !== undefined && (mastery.trim() === '' || !(Number(mastery) >= 0 && Number(mastery) <= 1))) problems.push(`${where}: masteryScore "${mastery}" is not a number from 0 to 1`);
    const url = au.children.find((element) => element.name === 'url')?.text ?? '';
    if (url === '') problems.push(`${where}: no <url>`);
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !files.has(url.split(/[?#]/, 1)[0]!)) problems.push(`${where}: <url> ${url}: file is not in the package`);
  }
  problems.push(...deadPageLinks(files));
  return problems;
}
