/** A document rendered from a template with a record's data (HTML). */
export interface DocumentDoc {
  id: string;
  recordId: string;
  template: string;
  register: string;
  title: string;
  mediaType: 'text/html';
  content: string;
  createdAt: string;
  ruleId?: string;
  idempotencyKey: string;
}
