import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import type { ContentIssue } from './content-error.ts';
import type { CourseMeta } from '../schemas/course.ts';

/** The page colours an accent must stand out against, per scheme (src/styles/course.css). */
export const SCHEME_COLOURS = {
  light: { background: '#ffffff', surface: '#f4f6f8', accentText: '#ffffff' },
  dark: { background: '#14171b', surface: '#1f242a', accentText: '#0b1420' },
} as const;

/** WCAG AA for normal text: links are accent-coloured text, buttons are text on the accent. */
export const AA_CONTRAST = 4.5;
/** The logo is inlined into every page, so it counts towards each page's size budget. */
export const LOGO_MAX_BYTES = 20_000;

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Every AA failure of a centre's accent colours, each naming the field, the pair and the ratio. */
export function checkBranding(branding: CourseMeta['branding'], courseFile: string, contentDir: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (!branding) return issues;
  for (const scheme of ['light', 'dark'] as const) {
    const accent = branding.accent?.[scheme];
    if (!accent) continue;
    const colours = SCHEME_COLOURS[scheme];
    const pairs = [
      [colours.background, `the ${scheme} background`],
      [colours.surface, `the ${scheme} panel background`],
      [colours.accentText, `the ${scheme} button text`],
    ] as const;
    for (const [other, name] of pairs) {
      const ratio = contrastRatio(accent, other);
      // Stryker disable next-line EqualityOperator: equivalent, no #rrggbb accent has a ratio of exactly 4.5 with any of the five scheme colours (checked exhaustively)
      if (ratio < AA_CONTRAST)
        issues.push({
          file: courseFile,
          field: `branding.accent.${scheme}`,
          message: `"${accent}" has a contrast of ${ratio.toFixed(2)}:1 with ${name} ${other}; WCAG AA needs at least ${AA_CONTRAST}:1`,
        });
    }
  }
  if (branding.logo) {
    const file = resolve(contentDir, branding.logo);
    const inside = !relative(contentDir, file).startsWith('..');
    if (!inside || !existsSync(file) || !statSync(file).isFile())
      issues.push({ file: courseFile, field: 'branding.logo', message: `"${branding.logo}" is not a file in content/; give a path like branding/logo.svg` });
    else if (statSync(file).size > LOGO_MAX_BYTES)
      issues.push({ file: courseFile, field: 'branding.logo', message: `"${branding.logo}" is ${statSync(file).size} bytes; keep it under ${LOGO_MAX_BYTES} bytes (it is part of every page)` });
  }
  return issues;
}

/** The logo as a data: URL (allowed by the packages' CSP and needing no extra file), or null. */
export function logoDataUrl(branding: CourseMeta['branding'], contentDir: string): string | null {
  if (!branding?.logo) return null;
  const type = extname(branding.logo).toLowerCase() === '.svg' ? 'image/svg+xml' : 'image/png';
  return `data:${type};base64,${readFileSync(join(contentDir, branding.logo)).toString('base64')}`;
}

/** CSS overriding the accent per scheme; `:root:root` wins over course.css wherever the two land in <head>. */
export function brandingCss(branding: CourseMeta['branding']): string {
  const light = branding?.accent?.light;
  const dark = branding?.accent?.dark;
  return [
    light ? `:root:root{--accent:${light}}` : '',
    dark ? `@media (prefers-color-scheme: dark){:root:root{--accent:${dark}}}` : '',
  ].join('');
}
