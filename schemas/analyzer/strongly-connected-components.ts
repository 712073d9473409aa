/**
 * Tarjan's strongly connected components, iterative so that long chains of stages
 * cannot overflow the call stack. Linear in nodes plus edges. Components come out
 * in reverse topological order; nodes inside a component in discovery order.
 *
 * @example stronglyConnectedComponents(['a', 'b'], (n) => (n === 'a' ? ['b'] : ['a'])) // [['a', 'b']]
 */
export function stronglyConnectedComponents(
  nodes: readonly string[],
  successors: (node: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    // Each frame: a node and how many of its successors were already visited.
    const frames: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { node: string; next: number };
      const succ = successors(frame.node);
      if (frame.next < succ.length) {
        const w = succ[frame.next] as string;
        frame.next += 1;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter += 1;
          stack.push(w);
          onStack.add(w);
          frames.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(w) as number));
        }
        continue;
      }
      frames.pop();
      const v = frame.node;
      const parent = frames[frames.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(v) as number));
      if (low.get(v) === index.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        out.push(comp.reverse());
      }
    }
  }
  return out;
}
