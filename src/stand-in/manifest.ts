import type { PackageInfo, ScoInfo, ScormVersion } from './package-info.ts';

/**
 * Reads the little the stand-in needs from an imsmanifest.xml: version, title and the
 * launchable items. A tolerant element tokenizer rather than an XML library, because
 * manifests are small, machine-written and already schema-checked by `scorm/validate`;
 * names are compared without their namespace prefix (`adlcp:`, `imsss:`).
 */

interface XmlElement {
  /** Local name, lower-cased: `<imsss:minNormalizedMeasure>` → `minnormalizedmeasure`. */
  name: string;
  /** Attributes by lower-cased local name, except `xml:base`, kept whole. */
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function localName(qualifiedName: string): string {
  if (qualifiedName === 'xml:base') return qualifiedName;
  const colon = qualifiedName.indexOf(':');
  return (colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1)).toLowerCase();
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const [, name, doubleQuoted, singleQuoted] = match;
    if (name) attributes.set(localName(name), decodeEntities(doubleQuoted ?? singleQuoted ?? ''));
  }
  return attributes;
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: new Map(), children: [], text: '' };
  const open: XmlElement[] = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(token)) {
    const [, cdata, closingName, openingName, attributeSource, selfClosing, text] = match;
    const current = open[open.length - 1] ?? root;
    if (cdata !== undefined) {
      current.text += cdata;
    } else if (text !== undefined) {
      current.text += decodeEntities(text);
    } else if (closingName !== undefined) {
      // Pop to the matching element; a stray closing tag is ignored rather than fatal.
      const wanted = localName(closingName);
      const index = open.findLastIndex((element) => element.name === wanted);
      if (index > 0) open.length = index;
    } else if (openingName !== undefined) {
      const element: XmlElement = {
        name: localName(openingName),
        attributes: parseAttributes(attributeSource ?? ''),
        children: [],
        text: '',
      };
      current.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  return root;
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((candidate) => candidate.name === name) ?? [];
}

function textOf(element: XmlElement | undefined): string {
  return element?.text.trim() ?? '';
}

function detectVersion(manifest: XmlElement): ScormVersion {
  const schemaVersion = textOf(child(child(manifest, 'metadata'), 'schemaversion'));
  if (schemaVersion === '1.2') return '1.2';
  if (/2004|CAM 1\.3/i.test(schemaVersion)) return '2004';
  // No usable schemaversion: fall back to the namespaces the manifest declares.
  const declaresAdlcp2004 = [...manifest.attributes.values()].some((value) => /adlcp_v1p3/.test(value));
  if (declaresAdlcp2004) return '2004';
  if (schemaVersion === '') throw new Error('imsmanifest.xml has no <schemaversion> and no SCORM 2004 namespace');
  return '1.2';
}

function joinBase(base: string, href: string): string {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return href;
  return base.endsWith('/') ? base + href : `${base}/${href}`;
}

/** Leaf-first walk: an item with an identifierref is launchable; container items only group. */
function collectItems(element: XmlElement, into: XmlElement[]): XmlElement[] {
  for (const item of childrenNamed(element, 'item')) {
    if (item.attributes.has('identifierref')) into.push(item);
    collectItems(item, into);
  }
  return into;
}

export function readManifest(file: string, xml: string): PackageInfo {
  const manifest = child(parseXml(xml), 'manifest');
  if (!manifest) throw new Error('imsmanifest.xml has no <manifest> root element');
  const scormVersion = detectVersion(manifest);

  const organizations = child(manifest, 'organizations');
  const defaultId = organizations?.attributes.get('default');
  const organization =
    childrenNamed(organizations, 'organization').find((candidate) => candidate.attributes.get('identifier') === defaultId) ??
    child(organizations, 'organization');
  if (!organization) throw new Error('imsmanifest.xml has no <organization>');

  const resourcesElement = child(manifest, 'resources');
  const resourcesBase = resourcesElement?.attributes.get('xml:base') ?? '';
  const resources = new Map<string, XmlElement>();
  for (const resource of childrenNamed(resourcesElement, 'resource')) {
    const identifier = resource.attributes.get('identifier');
    if (identifier) resources.set(identifier, resource);
  }

  const scos: ScoInfo[] = [];
  for (const item of collectItems(organization, [])) {
    const identifier = item.attributes.get('identifier') ?? '';
    const resource = resources.get(item.attributes.get('identifierref') ?? '');
    const href = resource?.attributes.get('href');
    if (!resource || !href) continue;
    const sco: ScoInfo = {
      identifier,
      title: textOf(child(item, 'title')) || identifier,
      href: joinBase(resourcesBase, joinBase(resource.attributes.get('xml:base') ?? '', href)),
      parameters: item.attributes.get('parameters') ?? '',
    };
    const masteryScore = textOf(child(item, 'masteryscore'));
    if (masteryScore) sco.masteryScore = masteryScore;
    const launchData = textOf(child(item, 'datafromlms'));
    if (launchData) sco.launchData = launchData;
    const primaryObjective = child(child(child(item, 'sequencing'), 'objectives'), 'primaryobjective');
    const minNormalizedMeasure = textOf(child(primaryObjective, 'minnormalizedmeasure'));
    if (minNormalizedMeasure && primaryObjective?.attributes.get('satisfiedbymeasure') === 'true') {
      sco.scaledPassingScore = minNormalizedMeasure;
    }
    scos.push(sco);
  }

  return {
    file,
    scormVersion,
    title: textOf(child(organization, 'title')) || file,
    scos,
  };
}
