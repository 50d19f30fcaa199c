import type { PackageSpec, ScoSpec } from './package-spec.ts';
import { itemMetadata12, packageMetadata12 } from './metadata.ts';
import { escapeXml } from './xml.ts';

/**
 * imsmanifest.xml for SCORM 1.2 (ADL CAM 1.2, IMS CP 1.1.2). One organization,
 * one item per SCO. Shared files sit in one asset resource that every SCO
 * depends on, so each file in the zip is listed exactly once.
 */
export function buildManifest12(spec: PackageSpec): string {
  const hasShared = spec.sharedFiles.length > 0;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${escapeXml(spec.manifestIdentifier)}" version="${escapeXml(spec.courseVersion)}"`,
    '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    ...packageMetadata12(spec, '    '),
    '  </metadata>',
    `  <organizations default="${escapeXml(spec.organizationIdentifier)}">`,
    `    <organization identifier="${escapeXml(spec.organizationIdentifier)}">`,
    `      <title>${escapeXml(spec.title)}</title>`,
    ...spec.scos.flatMap(item12),
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...spec.scos.flatMap((sco) => scoResource12(sco, hasShared ? spec.sharedResourceIdentifier : undefined)),
    ...(hasShared ? sharedResource12(spec) : []),
    '  </resources>',
    '</manifest>',
    '',
  ];
  return lines.join('\n');
}

function item12(sco: ScoSpec): string[] {
  // `parameters` tells the page which API to look for; the LMS appends it to the launch URL.
  return [
    `      <item identifier="${escapeXml(sco.itemIdentifier)}" identifierref="${escapeXml(sco.resourceIdentifier)}" isvisible="true" parameters="?scorm=1.2">`,
    `        <title>${escapeXml(sco.title)}</title>`,
    ...itemMetadata12(sco, '        '),
    `        <adlcp:masteryscore>${sco.masteryScore}</adlcp:masteryscore>`,
    '      </item>',
  ];
}

function scoResource12(sco: ScoSpec, sharedResourceIdentifier: string | undefined): string[] {
  return [
    `    <resource identifier="${escapeXml(sco.resourceIdentifier)}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(sco.launchHref)}">`,
    `      <file href="${escapeXml(sco.launchHref)}"/>`,
    ...(sharedResourceIdentifier ? [`      <dependency identifierref="${escapeXml(sharedResourceIdentifier)}"/>`] : []),
    '    </resource>',
  ];
}

function sharedResource12(spec: PackageSpec): string[] {
  return [
    `    <resource identifier="${escapeXml(spec.sharedResourceIdentifier)}" type="webcontent" adlcp:scormtype="asset">`,
    ...spec.sharedFiles.map((file) => `      <file href="${escapeXml(file)}"/>`),
    '    </resource>',
  ];
}
