import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';

/**
 * The width × colour scheme matrix of the accessibility scan. Every screen is scanned at a phone width (320 CSS px,
 * also 400% zoom of 1280), a tablet width (640, 200% zoom) and a desktop width, in light and dark.
 */
export const WIDTHS = [320, 640, 1280] as const;
export const SCHEMES = ['light', 'dark'] as const;
export type Width = (typeof WIDTHS)[number];
export type Scheme = (typeof SCHEMES)[number];

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Structure rules axe files under best practice, which the WCAG tags leave out: headings, landmarks, skip link. */
export const STRUCTURE_RULES = ['heading-order', 'page-has-heading-one', 'landmark-one-main', 'landmark-unique', 'region', 'skip-link', 'html-has-lang', 'image-alt'];

/** One screen a learner or tutor can reach: where it starts and what to do there to reach it. */
export interface Screen {
  name: string;
  /** A file of the course package (`glossary.html`, `u219-lo1.html#quiz`), or a path on the stand-in starting with `/`. */
  at: string;
  /**
   * Gets the freshly loaded page into the screen's state (answers opened, a question answered, ...). A journey
   * through several states may call `scanHere(label)` on the way instead: each call scans a screen `name: label`.
   */
  reach?: Reach;
  /** Runs on the new page before it loads `at` (routes, init scripts); they end with the page. */
  prepare?: (page: Page) => Promise<void>;
  widths: readonly Width[];
  schemes: readonly Scheme[];
}

export type Reach = (page: Page, scanHere: (label: string) => Promise<void>) => Promise<void>;

/** Adds a screen in one line: `screen('Glossary', 'glossary.html')`, or with a reach step and fewer widths or schemes. */
export function screen(
  name: string,
  at: string,
  reach?: Reach,
  options: { widths?: readonly Width[]; schemes?: readonly Scheme[]; prepare?: (page: Page) => Promise<void> } = {},
): Screen {
  return { name, at, ...(reach ? { reach } : {}), ...(options.prepare ? { prepare: options.prepare } : {}), widths: options.widths ?? WIDTHS, schemes: options.schemes ?? SCHEMES };
}

export interface ScanFailure {
  screen: string;
  width: number;
  /** Missing for a failure of the layout (sideways scrolling) or of reaching the screen, which no scheme changes. */
  scheme?: Scheme;
  problem: string;
}

export interface ScanReport {
  failures: ScanFailure[];
  /** Screens (states scanned, by name), widths and schemes that were scanned, and the number of axe scans run. */
  screens: number;
  widths: number;
  schemes: number;
  scans: number;
}

/** One axe run with the WCAG 2.2 A/AA tags and the structure rules together (half the time of two runs). */
export async function axeViolations(page: Page): Promise<string[]> {
  const rules = Object.fromEntries(STRUCTURE_RULES.map((id) => [id, { enabled: true }]));
  // Legacy mode: one axe.run in the page (the screens have no frames), not a blank helper page per scan.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ runOnly: { type: 'tag', values: WCAG_22_AA }, rules, resultTypes: ['violations'] })
    .analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** How far the page scrolls sideways, and the widest elements that make it (WCAG 1.4.10 reflow). */
async function sidewaysScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const extra = root.scrollWidth - root.clientWidth;
    if (extra <= 0) return null;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.getClientRects().length > 0)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`);
    return `the page scrolls sideways by ${extra}px (${culprits.join(', ') || 'no single element'})`;
  });
}

/**
 * Scans every screen at every width it lists, in every scheme it lists. One browser context per width; each screen
 * is loaded and reached once per width, then scanned in each scheme by switching `prefers-color-scheme` in place.
 * Stored progress is cleared before each screen, so one screen's answers never change the next one.
 */
export async function scanScreens(
  browser: Browser,
  baseURL: string,
  screens: readonly Screen[],
  packageRoot: string,
  /** Routes to add to each width's context (e.g. to serve a fixture page). */
  prepare: (context: BrowserContext) => Promise<unknown> = async () => {},
): Promise<ScanReport> {
  const failures: ScanFailure[] = [];
  const scanned = new Set<string>();
  let scans = 0;
  const widths = WIDTHS.filter((w) => screens.some((s) => s.widths.includes(w)));
  for (const width of widths) {
    const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } });
    await prepare(context);
    const started = Date.now();
    const here = screens.filter((s) => s.widths.includes(width));
    try {
      for (const current of here) {
        const fail = (screenName: string, problem: string, scheme?: Scheme) => {
          const failure = { screen: screenName, width, ...(scheme ? { scheme } : {}), problem };
          failures.push(failure);
          // Shown as found, so a long scan tells what is wrong before it ends.
          console.log(`  ✗ ${describeFailures([failure])[0]}`);
        };
        // A new page per screen (its routes and init scripts end with it) in the width's one context.
        const page = await context.newPage();
        // A step that cannot happen fails this screen soon, not the whole scan at the test's time limit.
        page.setDefaultTimeout(10_000);
        const scanState = async (screenName: string) => {
          scanned.add(screenName);
          const scroll = await sidewaysScroll(page);
          if (scroll) fail(screenName, scroll);
          for (const scheme of current.schemes) {
            await page.emulateMedia({ colorScheme: scheme });
            scans++;
            for (const violation of await axeViolations(page)) fail(screenName, violation, scheme);
          }
          await page.emulateMedia({ colorScheme: current.schemes[0]! });
        };
        try {
          // A page of the stand-in's origin with no course script: storage cleared here stays cleared.
          await page.goto('/api/packages');
          await page.evaluate(() => {
            localStorage.clear();
            sessionStorage.clear();
          });
          await page.emulateMedia({ colorScheme: current.schemes[0]! });
          await current.prepare?.(page);
          await page.goto(current.at.startsWith('/') ? current.at : `${packageRoot}/${current.at}`);
          let stops = 0;
          await current.reach?.(page, (label) => (stops++, scanState(`${current.name}: ${label}`)));
          if (stops === 0) await scanState(current.name);
        } catch (error) {
          // The first line says what failed; the "waiting for" line says on which element.
          const lines = (error as Error).message.split('\n');
          fail(current.name, `could not reach the screen: ${[lines[0], lines.find((l) => /waiting for/.test(l))?.trim()].filter(Boolean).join(' ')}`);
        } finally {
          await page.close();
        }
      }
      console.log(`  ${width}px: ${here.length} screens in ${Math.round((Date.now() - started) / 1000)} s`);
    } finally {
      await context.close();
    }
  }
  const schemes = SCHEMES.filter((s) => screens.some((screen) => screen.schemes.includes(s))).length;
  return { failures, screens: scanned.size, widths: widths.length, schemes, scans };
}

/** One line per failure, for the test's message. */
export function describeFailures(failures: readonly ScanFailure[]): string[] {
  return failures.map((f) => `${f.screen} @ ${f.width}px${f.scheme ? ` ${f.scheme}` : ''}: ${f.problem}`);
}
