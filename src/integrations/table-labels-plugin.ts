import type { Element, ElementContent } from 'hast';
import type { HastPluginEntry, HastVisitorContext } from 'satteri';

const elements = (children: readonly ElementContent[]) => children.filter((c): c is Element => c.type === 'element');

/**
 * The Markdown/MDX (Sätteri) plugin that gives every body cell of a lesson table the text of its column heading as
 * `data-label`. On a narrow screen course.css stacks each row into a card and shows that label before each cell,
 * so a table never needs sideways scrolling (WCAG 1.4.10) and each value still says what it is.
 */
export function tableLabelsPlugin(): HastPluginEntry {
  return {
    name: 'table-labels',
    element: {
      filter: ['td', 'th'],
      visit(cell: Element, ctx: HastVisitorContext) {
        const row = ctx.parent(cell) as Element | undefined;
        const section = row && (ctx.parent(row) as Element | undefined);
        if (!row || section?.tagName !== 'tbody') return;
        const table = ctx.parent(section) as Element | undefined;
        const head = table && elements(table.children).find((e) => e.tagName === 'thead');
        const headRow = head && elements(head.children).find((e) => e.tagName === 'tr');
        // The parent's children are copies: find the column by the cell's position, not by identity.
        const column = elements(row.children.slice(0, ctx.indexOf(cell) ?? 0)).length;
        const heading = headRow && elements(headRow.children)[column];
        const label = heading && ctx.textContent(heading).trim();
        if (label) ctx.setProperty(cell, 'dataLabel', label);
      },
    },
  };
}
