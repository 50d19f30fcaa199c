import type { PackageSpec, ScoSpec } from './package-spec.ts';
import { itemMetadata2004, packageMetadata2004 } from './metadata.ts';
import { escapeXml } from './xml.ts';

/**
 * imsmanifest.xml for SCORM 2004 4th Edition. Same shape as the 1.2 manifest
 * (one organization, one item per SCO, one shared asset resource), plus per-item
 * sequencing objectives so the LMS knows the pass mark and the outcome ids.
 */
export function buildManifest2004(spec: PackageSpec): string {
  const hasShared = spec.sharedFiles.length > 0;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${escapeXml(spec.manifestIdentifier)}" version="${escapeXml(spec.courseVersion)}"`,
    '    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
    '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
    '    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
    '    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
    '    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd http://ltsc.ieee.org/xsd/LOM lom.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>2004 4th Edition</schemaversion>',
    ...packageMetadata2004(spec, '    '),
    '  </metadata>',
    `  <organizations default="${escapeXml(spec.organizationIdentifier)}">`,
    `    <organization identifier="${escapeXml(spec.organizationIdentifier)}">`,
    `      <title>${escapeXml(spec.title)}</title>`,
    ...spec.scos.flatMap(item2004),
    // Default control mode is choice only; flow lets the LMS's Continue/Previous buttons move between modules too.
    '      <imsss:sequencing>',
    '        <imsss:controlMode choice="true" flow="true"/>',
    '      </imsss:sequencing>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...spec.scos.flatMap((sco) => scoResource2004(sco, hasShared ? spec.sharedResourceIdentifier : undefined)),
    ...(hasShared ? sharedResource2004(spec) : []),
    '  </resources>',
    '</manifest>',
    '',
  ];
  return lines.join('\n');
}

function item2004(sco: ScoSpec): string[] {
  // Element order follows the XSD: title, (child items), metadata, then imsss:sequencing.
  // satisfiedByMeasure: the LMS judges passed/failed from cmi.score.scaled against the pass mark,
  // and hands the same threshold to the SCO as cmi.scaled_passing_score.
  return [
    `      <item identifier="${escapeXml(sco.itemIdentifier)}" identifierref="${escapeXml(sco.resourceIdentifier)}" isvisible="true" parameters="?scorm=2004">`,
    `        <title>${escapeXml(sco.title)}</title>`,
    ...itemMetadata2004(sco, '        '),
    '        <imsss:sequencing>',
    '          <imsss:objectives>',
    `            <imsss:primaryObjective objectiveID="${escapeXml(sco.primaryObjectiveId)}" satisfiedByMeasure="true">`,
    `              <imsss:minNormalizedMeasure>${normalizedMeasure(sco.masteryScore)}</imsss:minNormalizedMeasure>`,
    '            </imsss:primaryObjective>',
    ...sco.objectives.map((objective) => `            <imsss:objective objectiveID="${escapeXml(objective.id)}"/>`),
    '          </imsss:objectives>',
    '        </imsss:sequencing>',
    '      </item>',
  ];
}

/** Pass mark percent → 0..1 with no float noise (70 → "0.7", 100 → "1"). */
export function normalizedMeasure(percent: number): string {
  return String(Math.round(percent * 100) / 10000);
}

function scoResource2004(sco: ScoSpec, sharedResourceIdentifier: string | undefined): string[] {
  return [
    `    <resource identifier="${escapeXml(sco.resourceIdentifier)}" type="webcontent" adlcp:scormType="sco" href="${escapeXml(sco.launchHref)}">`,
    `      <file href="${escapeXml(sco.launchHref)}"/>`,
    ...(sharedResourceIdentifier ? [`      <dependency identifierref="${escapeXml(sharedResourceIdentifier)}"/>`] : []),
    '    </resource>',
  ];
}

function sharedResource2004(spec: PackageSpec): string[] {
  return [
    `    <resource identifier="${escapeXml(spec.sharedResourceIdentifier)}" type="webcontent" adlcp:scormType="asset">`,
    ...spec.sharedFiles.map((file) => `      <file href="${escapeXml(file)}"/>`),
    '    </resource>',
  ];
}
