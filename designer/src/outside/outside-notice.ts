/** The screen's one status line: what an action did, or why it failed. */
export interface OutsideNotice {
  say(text: string): void;
  fail(e: unknown): void;
}
