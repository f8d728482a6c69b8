// A small, safe Markdown renderer for attached documents (docs/bargaining.md, "Documents"): blocks
// (headings, bullet and numbered lists, paragraphs, fenced code) and inline bold, italics and code,
// all produced as Preact text nodes — raw HTML in the source is shown as text, never parsed, and
// links are shown as their text and address, never as clickable anchors. Headings are rendered as
// strong paragraphs so a document cannot break the page's heading outline.
import type { ComponentChildren } from 'preact';

export type MdBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string };

/** Splits Markdown text into blocks. Pure. */
export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push({ kind: 'paragraph', text: para.join(' ') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]!); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: heading[1]!.trim() });
    } else if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'list' && last.ordered === ordered) blocks[blocks.length - 1] = { ...last, items: [...last.items, item[3]!] };
      else blocks.push({ kind: 'list', ordered, items: [item[3]!] });
    } else if (line.trim() === '') {
      flush();
    } else {
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** Inline emphasis and code as elements holding plain text; everything else stays text. */
export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const re = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const tok = m[0];
    if (tok.startsWith('**')) out.push(<strong>{tok.slice(2, -2)}</strong>);
    else if (tok.startsWith('`')) out.push(<code>{tok.slice(1, -1)}</code>);
    else if (tok.startsWith('[')) {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(tok)!;
      out.push(`${link[1]} (${link[2]})`);
    } else out.push(<em>{tok.slice(1, -1)}</em>);
    at = m.index + tok.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function Markdown({ source }: { readonly source: string }) {
  return (
    <div class="markdown">
      {parseMarkdown(source).map((b, i) => {
        switch (b.kind) {
          case 'heading':
            return <p key={i}><strong>{inline(b.text)}</strong></p>;
          case 'code':
            return <pre key={i}><code>{b.text}</code></pre>;
          case 'list':
            return b.ordered ? <ol key={i}>{b.items.map((it, j) => <li key={j}>{inline(it)}</li>)}</ol> : <ul key={i}>{b.items.map((it, j) => <li key={j}>{inline(it)}</li>)}</ul>;
          case 'paragraph':
            return <p key={i}>{inline(b.text)}</p>;
        }
      })}
    </div>
  );
}
