/** The escaping builders of report.html and the tooltip rewrite, on literal inputs. */
import { describe, expect, it } from 'vitest';
import { withRecordTooltips } from '../../../../stages/render/html/assemble-html-report.ts';
import { translator } from '../../../../stages/render/i18n/translator.ts';
import { escapeHtml, htmlTable, jsonForScript, markdownToHtml, scriptForInline, slug } from '../../../../stages/render/html/html-markup.ts';

describe('html markup', () => {
  it('escapes text, JSON and scripts so nothing closes an element early', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    const json = jsonForScript({ label: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ label: '</script><script>alert(1)</script>' });
    expect(jsonForScript({ a: 'x<y>z & \u2028\u2029', b: [1, '&'] })).toBe('{"a":"x\\u003cy\\u003ez \\u0026 \\u2028\\u2029","b":[1,"\\u0026"]}');
    expect(scriptForInline('var s = "</script>"; <!-- x')).toBe('var s = "<\\/script>"; <\\!-- x');
    expect(slug('Latin America & Caribbean')).toBe('latin-america-caribbean');
  });

  it('writes a sortable table: header buttons with aria-sort, region and competency on each row, a CSV button', () => {
    const html = htmlTable({ id: 't', caption: 'Gaps', columns: [{ header: 'Competency' }, { header: 'Gap', numeric: true }], rows: [['A & B', '1.00']], rowRegions: ['Africa'], rowCompetencies: ['A & B'], rowRegionOnly: [true] });
    expect(html).toContain('<th scope="col" aria-sort="none" class="num"><button type="button" data-sort-column="1">Gap');
    expect(html).toContain('<tr data-region="Africa" data-competency="A &amp; B" data-region-only="true" hidden><td>A &amp; B</td><td class="num">1.00</td></tr>');
    expect(html).toContain('data-download-table="t"');
  });

  it('turns the methods Markdown into headings from h3 without skipping a level, lists and code', () => {
    expect(markdownToHtml('# Methods\n\nSome *text* with `code`.\n\n### Deep\n- one\n- two\n\n```\na < b\n```')).toBe(
      '<h3>Methods</h3>\n<p>Some text with code.</p>\n<h4>Deep</h4>\n<ul><li>one</li><li>two</li></ul>\n<pre><code>a &lt; b</code></pre>',
    );
  });

  it('gives marks with a tooltip encoding a whole-record tooltip titled in the language, leaving maps and the input alone', () => {
    const records = [{ competency: 'Sécurité du cloud', gap: 1.8012, n: 120, suppressed: false, cellText: '1,80' }, { competency: 'Cryptographie', gap: null, n: 3, suppressed: true, cellText: '' }];
    const spec = { data: { values: records }, layer: [{ mark: 'point', encoding: { x: { field: 'gap' }, tooltip: [{ field: 'gap' }] } }, { mark: { type: 'geoshape' }, encoding: { tooltip: [{ field: 'name' }] } }, { mark: 'rule', encoding: {} }] };
    const rewritten = withRecordTooltips(spec, translator('fr'));
    // Every record field with a catalogue title (cellText, a drawing helper, has none), numbers formatted, true/false as oui/non.
    expect(rewritten.layer[0]).toEqual({
      mark: 'point',
      encoding: {
        x: { field: 'gap' },
        tooltip: [
          { field: 'competency', title: 'Compétence', type: 'nominal' },
          { field: 'gap', title: 'Écart', type: 'quantitative', format: '.2f' },
          { field: 'n', title: 'n', type: 'quantitative', format: 'd' },
          { field: 'suppressedText', title: 'Masquée' },
        ],
      },
      transform: [{ calculate: "datum['suppressed'] === true ? 'oui' : datum['suppressed'] === false ? 'non' : ''", as: 'suppressedText' }],
    });
    expect(rewritten.layer[1]).toEqual(spec.layer[1]);
    expect(rewritten.layer[2]).toEqual(spec.layer[2]);
    expect(spec.layer[0]!.encoding.tooltip).toEqual([{ field: 'gap' }]);
    // A title the figure gave a field wins; English by default.
    const english = withRecordTooltips({ data: { values: records }, mark: 'bar', encoding: { tooltip: [{ field: 'n', title: 'answers' }] } });
    expect(english.encoding.tooltip).toEqual([
      { field: 'competency', title: 'Competency', type: 'nominal' },
      { field: 'gap', title: 'Gap', type: 'quantitative', format: '.2f' },
      { field: 'n', title: 'answers', type: 'quantitative', format: 'd' },
      { field: 'suppressedText', title: 'Suppressed' },
    ]);
  });
});
