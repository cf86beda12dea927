// page.js — the interop page: renders one article and its annotations with
// @recogito/text-annotator, then says, for every annotation, which text the
// client highlights. Bundled by esbuild (check.mjs); SPDX-License-Identifier:
// GPL-3.0-or-later
import { createTextAnnotator, reviveTarget, W3CTextFormat } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';

window.glossRender = (text, collection) => {
  const container = document.getElementById('article');
  // A text node keeps the article exactly, CRLF included (HTML parsing
  // would fold it to LF).
  container.textContent = text;

  const items = collection.first.items.filter((item) => item.motivation !== 'linking');
  const source = items.length > 0 ? items[0].target.source : '';
  const annotator = createTextAnnotator(container, {
    adapter: W3CTextFormat(source, container),
  });
  annotator.setAnnotations(items, true);

  return items.map((item) => {
    const selectors = item.target.selector;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector').exact;
    // The range the client highlights: its own target, made live in the
    // page the way its renderer does it.
    const stored = annotator.state.store.getAnnotation(item.id);
    const target = stored ? reviveTarget(stored.target, container) : null;
    const range = target && target.selector[0] ? target.selector[0].range : null;
    return {
      id: item.id,
      quote,
      highlighted: range && !range.collapsed ? range.toString() : null,
      rects: range ? range.getClientRects().length : 0,
    };
  });
};
