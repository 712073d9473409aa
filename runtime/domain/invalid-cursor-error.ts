/** A paging cursor this store did not issue for this query (damaged, or from another list). */
export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super('cursor is not one this list issued');
    this.name = 'InvalidCursorError';
  }
}
