import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { tableLabelsPlugin } from '../../src/integrations/table-labels-plugin.ts';

const TABLE = ['| What the customer says | What you *could* say |', '|---|---|', '| It will not let me pay. | **What happens** when you press Pay? |', '| I give up. | Let us try it together. |'].join('\n');

describe('table labels plugin (stacked tables on a phone)', () => {
  it('labels every body cell with the plain text of its column heading, and leaves the heading row alone', async () => {
    const { html } = await markdownToHtml(TABLE, { hastPlugins: [tableLabelsPlugin()] });
    expect(html.match(/<td data-label="What the customer says">/g)).toHaveLength(2);
    expect(html.match(/<td data-label="What you could say">/g)).toHaveLength(2);
    expect(html).toContain('<th>What the customer says</th>');
  });

  it('labels tables in MDX lessons', async () => {
    const { code } = await mdxToJs(`Read this first.\n\n${TABLE}\n`, { hastPlugins: [tableLabelsPlugin()] });
    expect(code.match(/"data-label": "What the customer says"/g)).toHaveLength(2);
    expect(code.match(/"data-label": "What you could say"/g)).toHaveLength(2);
  });

  it('leaves a table without a heading row unlabelled', async () => {
    const { html } = await markdownToHtml('<table><tbody><tr><td>a</td></tr></tbody></table>', { hastPlugins: [tableLabelsPlugin()] });
    expect(html).not.toContain('data-label');
  });
});
