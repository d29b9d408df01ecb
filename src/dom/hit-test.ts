/** Which highlighted range is under the pointer? Highlights have no element to hover, so we hit-test. */

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (d.caretPositionFromPoint) {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * Index of the range under (x, y), or -1. byNode maps each text node to the ranges that touch it, so only a
 * few ranges are checked per pointer move.
 */
export function rangeAtPoint(doc: Document, x: number, y: number, ranges: readonly Range[], byNode: Map<Node, number[]>): number {
  const caret = caretAt(doc, x, y);
  if (caret) {
    for (const i of byNode.get(caret.node) ?? []) {
      if (rectsContain(ranges[i], x, y)) return i;
    }
  }
  // Links and ranges made of several nodes: the caret may land just outside; check the element under the point
  // (inside open shadow roots, where the document only sees their host).
  let el = doc.elementFromPoint(x, y);
  for (let inner = el?.shadowRoot?.elementFromPoint(x, y); el && inner && inner !== el; inner = el.shadowRoot?.elementFromPoint(x, y)) el = inner;
  if (el) {
    for (const child of el.childNodes) {
      for (const i of byNode.get(child) ?? []) if (rectsContain(ranges[i], x, y)) return i;
    }
  }
  return -1;
}

export function indexRangesByNode(ranges: readonly Range[]): Map<Node, number[]> {
  const byNode = new Map<Node, number[]>();
  ranges.forEach((range, i) => {
    const root = range.commonAncestorContainer;
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    const add = (node: Node) => byNode.set(node, [...(byNode.get(node) ?? []), i]);
    if (root.nodeType === 3) add(root);
    else for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) add(n);
  });
  return byNode;
}
