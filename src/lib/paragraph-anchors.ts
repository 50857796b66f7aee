/**
 * Gives every top-level paragraph of a directive body a stable anchor, `#doan-1`, `#doan-2`, …,
 * and a link to itself (shown on hover and focus), so a quote can be cited to its paragraph.
 * Anchors depend only on paragraph order within the body, never on its text, so a cleaning fix
 * elsewhere in a document does not move them. A hast plugin for Sätteri, Astro's Markdown processor.
 */
import { defineHastPlugin, type HastNode } from 'satteri';

export const paragraphId = (n: number): string => `doan-${n}`;

/** The self-link placed at the start of paragraph `n`; search indexing skips it. */
export const paragraphLink = (n: number): HastNode => ({
  type: 'element',
  tagName: 'a',
  properties: { href: `#${paragraphId(n)}`, className: ['para-link'], dataPagefindIgnore: '' },
  children: [
    { type: 'text', value: '¶' },
    { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: ` Liên kết tới đoạn ${n}` }] },
  ],
});

export const paragraphAnchors = defineHastPlugin({
  name: 'paragraph-anchors',
  before(root, ctx) {
    let n = 0;
    for (const node of root.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      n++;
      ctx.setProperty(node, 'id', paragraphId(n));
      ctx.setProperty(node, 'className', ['para']);
      ctx.prependChild(node, [paragraphLink(n), { type: 'text', value: ' ' }]);
    }
  },
});
