/** Frames of the explicit stack: a source value and where its copy goes. */
type Task = readonly [source: unknown, put: (copy: unknown) => void];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function defineOwn(target: object, key: string, value: unknown): void {
  // defineProperty, not assignment: a JSON key "__proto__" must stay a plain own property.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A deep copy of a JSON value with every object's keys in sorted order, `undefined`
 * properties dropped and `undefined` array items turned into `null` (as JSON.stringify
 * would), so two equal documents serialize to the same bytes whatever their key order.
 * Iterative: conditions nested deeper than the call stack do not make it throw. A value
 * met twice (shared, or a cycle) is copied once and shared in the copy.
 *
 * @example JSON.stringify(canonicalize({ b: 1, a: [{ d: 2, c: 3 }] })) // {"a":[{"c":3,"d":2}],"b":1}
 */
export function canonicalize<T>(value: T): T {
  let root: unknown;
  const copies = new Map<object, unknown>();
  const stack: Task[] = [
    [
      value,
      (copy) => {
        root = copy;
      },
    ],
  ];
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    const [source, put] = task;
    if (typeof source !== 'object' || source === null) {
      put(source);
      continue;
    }
    const known = copies.get(source);
    if (known !== undefined) {
      put(known);
      continue;
    }
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length).fill(null);
      copies.set(source, copy);
      put(copy);
      source.forEach((item: unknown, i) => {
        stack.push([
          item,
          (c) => {
            copy[i] = c === undefined ? null : c;
          },
        ]);
      });
      continue;
    }
    if (!isObject(source)) continue;
    const copy = {};
    copies.set(source, copy);
    put(copy);
    for (const key of Object.keys(source).sort()) {
      const item = source[key];
      if (item === undefined) continue;
      // Reserve the slot now so the key order is the sorted order.
      defineOwn(copy, key, null);
      stack.push([item, (c) => defineOwn(copy, key, c)]);
    }
  }
  return root as T;
}
