import { appendFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { brandingCss, contrastRatio, logoDataUrl } from '../../src/course/branding.ts';
import { join } from 'node:path';
import { courseWith, problems, removeCourseCopies } from '../support/course-fixture.ts';

afterEach(removeCourseCopies);

const withBranding = (lines: string[], logo?: { file: string; bytes: number }) =>
  courseWith((path) => {
    appendFileSync(path('course.yaml'), ['branding:', ...lines.map((l) => `  ${l}`), ''].join('\n'));
    if (logo) writeFileSync(path(logo.file), '<svg xmlns="http://www.w3.org/2000/svg"/>'.padEnd(logo.bytes, ' '));
  });

describe('centre branding in course.yaml', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b5cad', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('accepts an accent with AA contrast in both schemes and a logo inside content/', () => {
    const root = withBranding(['logo: centre-logo.svg', 'logo_alt: Example College', 'accent: { light: "#0b5cad", dark: "#7cb8f5" }'], { file: 'centre-logo.svg', bytes: 200 });
    expect(problems(root)).toEqual([]);
    expect(brandingCss({ accent: { light: '#0b5cad', dark: '#7cb8f5' } })).toBe(':root:root{--accent:#0b5cad}@media (prefers-color-scheme: dark){:root:root{--accent:#7cb8f5}}');
  });

  it('fails naming the field and scheme when the accent loses AA contrast', () => {
    const found = problems(withBranding(['accent: { light: "#7cb8f5", dark: "#0b5cad" }']));
    expect(found).toContain('content/course.yaml: branding.accent.light: "#7cb8f5" has a contrast of 2.09:1 with the light background #ffffff; WCAG AA needs at least 4.5:1');
    expect(found.some((line) => line.startsWith('content/course.yaml: branding.accent.dark: "#0b5cad" has a contrast of'))).toBe(true);
    expect(found.every((line) => line.includes('branding.accent.'))).toBe(true);
  });

  it('fails on a colour that is not #rrggbb, a logo outside content/, a missing or oversized logo', () => {
    expect(problems(withBranding(['accent: { light: blue, dark: "#7cb8f5" }']))).toEqual(['content/course.yaml: branding.accent.light: use a colour like #0b5cad']);
    expect(problems(withBranding(['logo: ../../etc/logo.svg']))[0]).toMatch(/^content\/course\.yaml: branding\.logo: "\.\.\/\.\.\/etc\/logo\.svg" is not a file in content\//);
    expect(problems(withBranding(['logo: missing.png']))[0]).toMatch(/branding\.logo: "missing\.png" is not a file in content\//);
    expect(problems(withBranding(['logo: big.svg'], { file: 'big.svg', bytes: 30_000 }))[0]).toMatch(/branding\.logo: "big\.svg" is 30000 bytes; keep it under 20000 bytes/);
    expect(problems(withBranding(['logo: logo.gif']))[0]).toBe('content/course.yaml: branding.logo: use an .svg or .png file inside content/');
  });

  it('rejects a logo outside content/ even when that file exists', () => {
    const root = withBranding(['logo: ../outside.svg']);
    writeFileSync(join(root, 'outside.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(problems(root)).toEqual(['content/course.yaml: branding.logo: "../outside.svg" is not a file in content/; give a path like branding/logo.svg']);
  });

  it('accepts a logo of exactly the size limit', () => {
    expect(problems(withBranding(['logo: edge.svg'], { file: 'edge.svg', bytes: 20_000 }))).toEqual([]);
  });

  it('adds no accent CSS when the centre sets none', () => {
    expect(brandingCss(undefined)).toBe('');
    expect(brandingCss({ logo: 'logo.svg' })).toBe('');
  });
});

describe('logoDataUrl', () => {
  it('is null without branding or without a logo', () => {
    expect(logoDataUrl(undefined, '/nowhere')).toBeNull();
    expect(logoDataUrl({ accent: { light: '#0b5cad', dark: '#7cb8f5' } }, '/nowhere')).toBeNull();
  });

  it('inlines an SVG logo (any case of extension) as an image/svg+xml data URL', () => {
    const root = courseWith((path) => writeFileSync(path('LOGO.SVG'), '<svg/>'));
    expect(logoDataUrl({ logo: 'LOGO.SVG' }, join(root, 'content'))).toBe(`data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`);
  });

  it('inlines a PNG logo as an image/png data URL', () => {
    const root = courseWith((path) => writeFileSync(path('logo.png'), 'PNGDATA'));
    expect(logoDataUrl({ logo: 'logo.png' }, join(root, 'content'))).toBe('data:image/png;base64,UE5HREFUQQ==');
  });
});
