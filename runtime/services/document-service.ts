import { notFound } from '../http/http-error.js';
import type { EntityType } from '../../schemas/index.js';
import type { DocumentDoc } from '../domain/document.js';
import type { Page, PageRequest } from '../domain/page.js';
import { recordsOf, titleOf } from './record-titles.js';
import type { RuntimeCore } from './runtime-core.js';

export type DocumentMeta = Omit<DocumentDoc, 'content' | 'idempotencyKey'> & {
  size: number;
  recordTitle?: string;
};

function meta(d: DocumentDoc): DocumentMeta {
  const { content, idempotencyKey: _key, ...rest } = d;
  return { ...rest, size: content.length };
}

/** The document register: generated documents, their metadata and content. */
export class DocumentService {
  constructor(private readonly core: RuntimeCore) {}

  /** A page of documents' metadata, oldest first. */
  async list(
    filter: { register?: string; recordId?: string },
    page: PageRequest,
  ): Promise<Page<DocumentMeta>> {
    const found = await this.core.store.query('documents', filter, page);
    // The record's title goes along: the register screen names records, not ids.
    const records = await recordsOf(
      this.core,
      found.items.map((d) => d.recordId),
    );
    const items = found.items.map((d) => {
      const title = titleOf(records.get(d.recordId));
      return { ...meta(d), ...(title === undefined ? {} : { recordTitle: title }) };
    });
    return { items, nextCursor: found.nextCursor };
  }

  async get(id: string): Promise<DocumentDoc> {
    const d = await this.core.store.get('documents', id);
    if (d === undefined) throw notFound(`document ${id}`);
    return d;
  }

  async meta(id: string): Promise<DocumentMeta> {
    return meta(await this.get(id));
  }

  /** Documents of one record (404 when the record is not of that entity). */
  async ofRecord(
    entity: EntityType,
    recordId: string,
    page: PageRequest,
  ): Promise<Page<DocumentMeta>> {
    const r = await this.core.store.get('records', recordId);
    if (r === undefined || r.entity !== entity) throw notFound(`${entity} ${recordId}`);
    return this.list({ recordId }, page);
  }
}
