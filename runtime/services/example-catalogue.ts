/** One example as stored: its model document and optional `meta.json`, both unchecked. */
export interface ExampleEntry {
  readonly slug: string;
  readonly model: unknown;
  readonly meta: unknown;
  /** Saved simulation scenarios of the example (`<slug>/simulations/*.json`), unchecked. */
  readonly simulations?: readonly unknown[];
}

/** Where the examples come from (the `examples/` folder in production, anything in tests). */
export interface ExampleCatalogue {
  list(): Promise<ExampleEntry[]>;
}
