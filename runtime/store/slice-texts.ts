import type { SliceData } from './slice-file.js';
import { sliceText } from './slice-lines.js';

/** Documents serialised per step of a slice write: the most a checkpoint holds the event loop for. */
export const DOCS_PER_STEP = 250;

/** A slice as it was when a checkpoint started: each document's text, or the document (unchanged since loaded). */
export type SliceSnapshot = Array<string | [key: string, value: unknown]>;

/** What one step of a slice write did (tests bound it; the bench counts it). */
export interface SliceStep {
  slice: string;
  serialised: number;
}

/**
 * The JSON text of every document of the slices, kept so that a checkpoint joins
 * texts instead of serialising whole slices on the event loop. A document's text is
 * made once, when it is committed (the journal line reuses it); documents loaded
 * from disk and never changed get theirs during the write, a few at a time
 * (`DOCS_PER_STEP`), yielding between steps. Documents are never changed in place
 * (a change is a new `put`), so a reference taken at the snapshot stays the snapshot.
 */
export class SliceTexts {
  private readonly bySlice = new Map<string, Map<string, string>>();

  constructor(private readonly onStep: (step: SliceStep) => void = () => undefined) {}

  private texts(slice: string): Map<string, string> {
    let m = this.bySlice.get(slice);
    if (m === undefined) {
      m = new Map();
      this.bySlice.set(slice, m);
    }
    return m;
  }

  /** A document was put (its JSON text) or deleted (undefined) in a slice. */
  set(slice: string, key: string, text: string | undefined): void {
    const m = this.texts(slice);
    if (text === undefined) m.delete(key);
    else m.set(key, `${JSON.stringify(key)}:${text}`);
  }

  /** Takes the slice as it is now: references only, no serialisation (synchronous: the checkpoint's snapshot). */
  snapshot(slice: string, data: SliceData): SliceSnapshot {
    const m = this.texts(slice);
    const out: SliceSnapshot = [];
    for (const key in data) out.push(m.get(key) ?? [key, data[key]]);
    return out;
  }

  /** The slice's JSON, serialising what the snapshot left as documents a few at a time. */
  async render(slice: string, snap: SliceSnapshot, current: SliceData): Promise<string> {
    const m = this.texts(slice);
    let serialised = 0;
    const parts: string[] = [];
    for (const part of snap) {
      if (typeof part === 'string') {
        parts.push(part);
        continue;
      }
      const [key, value] = part;
      // A document still unparsed since opening is its JSON text (see `LazyDocs`).
      const text = `${JSON.stringify(key)}:${typeof value === 'string' ? value : JSON.stringify(value)}`;
      // Kept only if the document is still the one serialised.
      if (current[key] === value) m.set(key, text);
      parts.push(text);
      if (++serialised % DOCS_PER_STEP === 0) {
        this.onStep({ slice, serialised: DOCS_PER_STEP });
        await new Promise<void>((r) => setImmediate(r));
      }
    }
    if (serialised % DOCS_PER_STEP !== 0)
      this.onStep({ slice, serialised: serialised % DOCS_PER_STEP });
    return sliceText(parts);
  }

  /** Forgets a slice (removed from disk). */
  drop(slice: string): void {
    this.bySlice.delete(slice);
  }
}
