import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAbsoluteUrls, isScannedForUrls } from './absolute-urls.ts';
import { isNcName, MANIFEST_FILE, type ScormVersion } from './package-spec.ts';
import { deadPageLinks } from './page-links.ts';
import { DEFAULT_XSD_DIR, schemaFilePaths } from './schema-files.ts';
import { findAll, parseXml, XmlSyntaxError, type XmlElement } from './xml.ts';

export { findAbsoluteUrls, isScannedForUrls, type AbsoluteUrlFinding } from './absolute-urls.ts';

/**
 * Checks what the XSDs cannot (see scorm/xsd/SOURCES.md, "What schema validation
 * does NOT catch") plus the package as a whole: a manifest at the root, every
 * referenced file present, every file listed, no URLs that leave the package,
 * no page linking to a page the zip lacks.
 * Each problem is one line naming the file.
 */

const EXPECTED = {
  '1.2': {
    namespace: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    schemaversion: '1.2',
    scormTypeAttribute: 'scormtype',
    otherSpelling: 'scormType',
  },
  '2004': {
    namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    schemaversion: '2004 4th Edition',
    scormTypeAttribute: 'scormType',
    otherSpelling: 'scormtype',
  },
} as const;

const textDecoder = new TextDecoder();

/** Problems found in an unpacked package (path → bytes); empty when it is fine. */
export function checkPackage(files: Map<string, Uint8Array>, version: ScormVersion): string[] {
  const problems: string[] = [];
  const manifestBytes = files.get(MANIFEST_FILE);
  if (manifestBytes === undefined) {
    const nested = [...files.keys()].find((path) => path.endsWith(`/${MANIFEST_FILE}`));
    problems.push(nested ? `${nested}: the manifest must be at the zip root, not in a folder` : `${MANIFEST_FILE}: missing at the zip root`);
  } else {
    problems.push(...checkManifest(textDecoder.decode(manifestBytes), files, version).map((problem) => `${MANIFEST_FILE}: ${problem}`));
  }
  for (const [path, bytes] of files) {
    // Stryker disable next-line ConditionalExpression: equivalent, findAbsoluteUrls finds nothing outside the scanned extensions; the skip only saves decoding binary files.
    if (!isScannedForUrls(path)) continue;
    for (const finding of findAbsoluteUrls(path, textDecoder.decode(bytes)))
      problems.push(`${finding.file}:${finding.line}: absolute or external URL ${finding.match}`);
  }
  problems.push(...deadPageLinks(files));
  return problems;
}

function checkManifest(xml: string, files: Map<string, Uint8Array>, version: ScormVersion): string[] {
  const expected = EXPECTED[version];
  let document: XmlElement;
  try {
    document = parseXml(xml);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent, parseXml throws nothing but XmlSyntaxError; the re-throw only guards a future bug.
    if (error instanceof XmlSyntaxError) return [`not well-formed XML: ${error.message}`];
    throw error;
  }
  const manifest = document.children.find((element) => element.name === 'manifest');
  if (!manifest) return ['root element is not <manifest>'];
  const problems: string[] = [];
  const at = (element: XmlElement) => `line ${element.line}: <${element.name}${element.attributes.has('identifier') ? ` identifier="${element.attributes.get('identifier')}"` : ''}>`;

  if (manifest.attributes.get('xmlns') !== expected.namespace)
    problems.push(`<manifest> namespace is "${manifest.attributes.get('xmlns') ?? ''}", SCORM ${version} needs "${expected.namespace}"`);

  const metadata = manifest.children.find((element) => element.name === 'metadata');
  const schemaversion = metadata?.children.find((element) => element.name === 'schemaversion')?.text;
  if (schemaversion !== expected.schemaversion)
    problems.push(`<schemaversion> is ${schemaversion === undefined ? 'missing' : `"${schemaversion}"`}, SCORM ${version} needs "${expected.schemaversion}"`);

  // Identifiers: unique across the manifest and usable as XML IDs.
  const seen = new Map<string, XmlElement>();
  for (const element of [manifest, ...findAll(manifest, 'organization', 'item', 'resource')]) {
    const identifier = element.attributes.get('identifier');
    if (identifier === undefined) {
      problems.push(`${at(element)} has no identifier`);
      continue;
    }
    if (!isNcName(identifier)) problems.push(`${at(element)}: identifier is not a valid NCName`);
    const first = seen.get(identifier);
    if (first) problems.push(`${at(element)}: identifier "${identifier}" is already used on line ${first.line}`);
    else seen.set(identifier, element);
  }

  const resources = new Map<string, XmlElement>();
  for (const resource of findAll(manifest, 'resource')) {
    const identifier = resource.attributes.get('identifier');
    if (identifier !== undefined && !resources.has(identifier)) resources.set(identifier, resource);
  }

  const organizationsElements = findAll(manifest, 'organizations');
  const organizations = findAll(manifest, 'organization');
  if (organizationsElements.length === 0) problems.push('no <organizations>');
  else if (organizations.length === 0) problems.push('no <organization>: the LMS has nothing to launch');
  for (const element of organizationsElements) {
    const defaultOrganization = element.attributes.get('default');
    if (defaultOrganization !== undefined && !organizations.some((organization) => organization.attributes.get('identifier') === defaultOrganization))
      problems.push(`line ${element.line}: <organizations default="${defaultOrganization}"> names no <organization>`);
  }

  for (const resource of resources.values()) {
    const scormType = attributeByLocalName(resource, expected.scormTypeAttribute);
    const otherSpelling = attributeByLocalName(resource, expected.otherSpelling);
    if (scormType === undefined)
      problems.push(otherSpelling === undefined
        ? `${at(resource)} has no adlcp:${expected.scormTypeAttribute}`
        : `${at(resource)} has adlcp:${expected.otherSpelling}, which is the spelling of the other SCORM version; SCORM ${version} needs adlcp:${expected.scormTypeAttribute}`);
    else if (scormType !== 'sco' && scormType !== 'asset')
      problems.push(`${at(resource)}: adlcp:${expected.scormTypeAttribute}="${scormType}", expected "sco" or "asset"`);
    if (scormType === 'sco' && !resource.attributes.has('href')) problems.push(`${at(resource)} is a SCO without a launch href`);
    for (const dependency of resource.children.filter((element) => element.name === 'dependency')) {
      const ref = dependency.attributes.get('identifierref');
      // Stryker disable next-line ConditionalExpression: equivalent, resources never holds an undefined key, so !resources.has(ref) reports a missing identifierref too.
      if (ref === undefined || !resources.has(ref)) problems.push(`line ${dependency.line}: <dependency identifierref="${ref ?? ''}"> names no <resource>`);
    }
  }

  for (const item of findAll(manifest, 'item')) {
    const ref = item.attributes.get('identifierref');
    if (ref === undefined) continue; // an item with children only (a section) launches nothing
    const resource = resources.get(ref);
    if (!resource) {
      problems.push(`${at(item)}: identifierref "${ref}" names no <resource>`);
      continue;
    }
    if (attributeByLocalName(resource, expected.scormTypeAttribute) === 'sco') problems.push(...checkMasteryThreshold(item, version).map((problem) => `${at(item)}: ${problem}`));
  }

  // Files: every reference resolves, and every packaged file is referenced.
  const listed = new Set<string>();
  for (const element of [...findAll(manifest, 'resource'), ...findAll(manifest, 'file')]) {
    const href = element.attributes.get('href');
    if (href === undefined) {
      if (element.name === 'file') problems.push(`line ${element.line}: <file> has no href`);
      continue;
    }
    const path = packagePath(href, files);
    if (path === undefined) problems.push(`line ${element.line}: <${element.name} href="${href}">: file is not in the package`);
    else if (element.name === 'file') listed.add(path);
  }
  // The schema files the manifest names sit at the root unlisted, as the SCORM samples ship them.
  const schemas = schemaFilePaths(version);
  for (const path of files.keys())
    if (path !== MANIFEST_FILE && !listed.has(path) && !schemas.has(path)) problems.push(`${path} is in the zip but no <file href> lists it`);

  return problems;
}

/** 1.2: adlcp:masteryscore 0–100. 2004: primary objective judged by measure, threshold in (0, 1]. */
function checkMasteryThreshold(item: XmlElement, version: ScormVersion): string[] {
  if (version === '1.2') {
    const mastery = item.children.find((element) => localName(element.name) === 'masteryscore');
    if (!mastery) return ['no adlcp:masteryscore (the pass mark)'];
    const score = Number(mastery.text);
    return mastery.text === '' || !Number.isFinite(score) || score < 0 || score > 100 ? [`adlcp:masteryscore "${mastery.text}" is not a number from 0 to 100`] : [];
  }
  const primary = findAll(item, 'imsss:primaryObjective')[0];
  const measure = primary?.children.find((element) => element.name === 'imsss:minNormalizedMeasure');
  if (!primary || !measure) return ['no imsss:primaryObjective with imsss:minNormalizedMeasure (the pass mark)'];
  const problems: string[] = [];
  const threshold = Number(measure.text);
  // An empty or blank measure is Number 0, which `threshold <= 0` already refuses.
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1)
    problems.push(`imsss:minNormalizedMeasure "${measure.text}" is not a number in (0, 1]`);
  if (primary.attributes.get('satisfiedByMeasure') !== 'true')
    problems.push('imsss:primaryObjective lacks satisfiedByMeasure="true", so the LMS ignores the pass mark');
  return problems;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Case-sensitive on purpose: `scormtype` and `scormType` are different attributes. */
function attributeByLocalName(element: XmlElement, name: string): string | undefined {
  for (const [attribute, value] of element.attributes) if (localName(attribute) === name && attribute.includes(':')) return value;
  return undefined;
}

/** The zip path an href points at (query and fragment dropped, %-escapes tried), or undefined. */
function packagePath(href: string, files: Map<string, Uint8Array>): string | undefined {
  const path = href.split(/[?#]/, 1)[0]!;
  if (files.has(path)) return path;
  try {
    const decoded = decodeURIComponent(path);
    if (files.has(decoded)) return decoded;
  } catch {
    // malformed %-escape: not a file we have
  }
  return undefined;
}

export interface XsdResult {
  ok: boolean;
  errors: string[];
}

export { DEFAULT_XSD_DIR } from './schema-files.ts';

const XSD_DRIVER: Record<ScormVersion, string> = { '1.2': 'validate-scorm12.xsd', '2004': 'validate-scorm2004-4th.xsd' };

/** Printed by every SCORM 1.2 run: ADL's ims_xml.xsd binds the xml namespace as default (see xsd/SOURCES.md). */
const SCORM12_NOISE = 'xml namespace URI cannot be the default namespace';

// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, stderr is only read through a template literal, which decodes a Buffer as UTF-8 too.
const UTF8 = { encoding: 'utf8' } as const;

/** Validates a manifest file against the vendored SCORM schemas with xmllint (offline). */
export function validateManifestXsd(manifestPath: string, version: ScormVersion, xsdDir: string = DEFAULT_XSD_DIR): XsdResult {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(xsdDir, XSD_DRIVER[version]), manifestPath], UTF8);
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      errors: [missing ? 'xmllint is not installed: install it with `apt-get install libxml2-utils` (Debian/Ubuntu)' : `xmllint could not run: ${result.error.message}`],
    };
  }
  const errors = withoutNoise(`${result.stderr}`.split('\n')).filter((line) => line.trim() !== '' && !/ validates$/.test(line));
  if (result.status !== 0 && errors.length === 0) errors.push(`xmllint exited with status ${result.status}`);
  return { ok: result.status === 0, errors };
}

/** Same as validateManifestXsd for manifest text (e.g. read from a zip); messages name `imsmanifest.xml`. */
export function validateManifestXsdText(xml: string, version: ScormVersion, xsdDir: string = DEFAULT_XSD_DIR): XsdResult {
  // Stryker disable next-line StringLiteral: equivalent, the prefix only names the temporary folder, which is removed afterwards and never shown.
  const dir = mkdtempSync(join(tmpdir(), 'scorm-xsd-'));
  try {
    const manifestPath = join(dir, MANIFEST_FILE);
    writeFileSync(manifestPath, xml);
    const result = validateManifestXsd(manifestPath, version, xsdDir);
    return { ok: result.ok, errors: result.errors.map((line) => line.split(manifestPath).join(MANIFEST_FILE)) };
  } finally {
    // Stryker disable next-line BooleanLiteral: equivalent, force only silences a missing path, and the folder was made just above.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Drops the known noise line and the two lines libxml2 prints under it (source excerpt, caret). */
function withoutNoise(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes(SCORM12_NOISE)) {
      kept.push(lines[i]!);
      continue;
    }
    // Stryker disable next-line StringLiteral: equivalent, with no line there any non-caret text fails the caret test alike.
    if (/^\s*\^\s*$/.test(lines[i + 2] ?? '')) i += 2;
  }
  return kept;
}
