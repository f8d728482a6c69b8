// The document Markdown renderer: blocks parsed as stated; raw HTML never becomes markup (it stays
// a text child), links never become anchors, emphasis becomes elements holding plain text.
import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { inline, parseMarkdown } from '../src/ui/markdown.tsx';

describe('parseMarkdown', () => {
  it('splits headings, lists, code and paragraphs', () => {
    expect(parseMarkdown('# Title\n\nOne\ntwo\n\n- a\n- b\n1. c\n```\n<b>x</b>\n```\n')).toEqual([
      { kind: 'heading', text: 'Title' },
      { kind: 'paragraph', text: 'One two' },
      { kind: 'list', ordered: false, items: ['a', 'b'] },
      { kind: 'list', ordered: true, items: ['c'] },
      { kind: 'code', text: '<b>x</b>' },
    ]);
  });
});

describe('inline', () => {
  it('keeps raw HTML and links as text; emphasis and code become elements with text only', () => {
    const out = inline('**Not** retroactive <script>alert(1)</script> see [the offer](https://example.org/x) `code`');
    const strong = out[0] as VNode<{ children: string }>;
    expect(strong.type).toBe('strong');
    expect(strong.props.children).toBe('Not');
    expect(out[1]).toBe(' retroactive <script>alert(1)</script> see ');
    expect(out[2]).toBe('the offer (https://example.org/x)');
    expect((out[4] as VNode).type).toBe('code');
    expect(out.filter((x) => typeof x === 'object' && x !== null).map((x) => (x as VNode).type)).toEqual(['strong', 'code']);
  });
});
