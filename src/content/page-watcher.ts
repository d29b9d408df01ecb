/**
 * The page watcher: pages change after load (client-side rendering, "load more", live blogs, single-page
 * navigation). Changed nodes are collected as they change and handed over once per frame (nothing runs while
 * the page is still); a new address or a rewritten document (document.open) calls for a full scan instead.
 * Everything it listens to stops when `signal` aborts.
 */

export interface PageWatcherHandlers {
  /** The address changed, or the document was rewritten: the page must be read afresh. */
  restart: () => void;
  /** Nodes were added or their text changed (StateLens's own elements left out). */
  changed: (nodes: Node[]) => void;
}

/** Returns a function that watches a shadow root too (the document's observer does not see inside one). */
export function watchPage(doc: Document, handlers: PageWatcherHandlers, signal: AbortSignal): (root: ShadowRoot) => void {
  const win = doc.defaultView!;
  let pending: Node[] = [];
  let scheduled = false;
  let url = win.location.href;
  let root = doc.documentElement;
  const flush = () => {
    scheduled = false;
    if (signal.aborted) return;
    const nodes = pending;
    pending = [];
    if (win.location.href !== url || doc.documentElement !== root) {
      url = win.location.href;
      root = doc.documentElement;
      handlers.restart();
    } else if (nodes.length) handlers.changed(nodes);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // Once per frame; a tab in the background gets no frames, so a timer stands in.
    win.requestAnimationFrame(() => scheduled && flush());
    win.setTimeout(() => scheduled && flush(), 250);
  };
  const ours = (node: Node) => node.nodeType === 1 && (node as Element).localName.startsWith('statelens-');
  // The document itself, not its root element, is observed: document.open() replaces the root (and drops
  // every listener), and the observer must see that.
  const observer = new win.MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.push(record.target);
      else {
        if (ours(record.target)) continue;
        for (const node of record.addedNodes) if (!ours(node)) pending.push(node);
        // A removal changes the text of the block it was in.
        if (record.removedNodes.length) pending.push(record.target);
      }
    }
    if (pending.length || win.location.href !== url) schedule();
  });
  const options = { childList: true, subtree: true, characterData: true };
  observer.observe(doc, options);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    pending = [];
  }, { once: true });
  // Navigations within the page (pushState, back and forward) are noticed by the address they leave.
  const navigation = (win as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', schedule, { signal });
  win.addEventListener('popstate', schedule, { signal });
  return (shadow) => {
    if (!signal.aborted) observer.observe(shadow, options);
  };
}
