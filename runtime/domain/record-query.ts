import type { EntityType } from '../../schemas/index.js';
import type { PageRequest } from './page.js';

/** A value a field-equality filter compares with (`fields.<key> === value`). */
export type FieldValue = string | number | boolean;

/**
 * Which records a query returns; every condition must hold. A list (`stage`,
 * `responsible`) matches any of its values; an empty list matches nothing (so an
 * access scope that resolves to no users shows no records).
 */
export interface RecordQuery {
  entity?: EntityType;
  /** The model whose pipeline the record sits in. */
  model?: string;
  pipeline?: string;
  stage?: string | readonly string[];
  /** `fields.responsible` (a directory user key). */
  responsible?: string | readonly string[];
  /** Equality on `fields.<key>`. */
  fields?: Readonly<Record<string, FieldValue>>;
  /**
   * Stage limits by pipeline key: a record in one of these pipelines matches only in
   * the listed stages; records of other pipelines (or none) are not limited.
   */
  stageLimits?: Readonly<Record<string, readonly string[]>>;
  /** `updatedAt` at or after this ISO time. */
  updatedSince?: string;
  /** Case-insensitive substring of `fields.title`. */
  text?: string;
  /** `fields.amount` within the bounds (inclusive); records without a number don't match. */
  amount?: { min?: number; max?: number };
}

export const RECORD_SORT_FIELDS = ['createdAt', 'updatedAt'] as const;
export type RecordSortField = (typeof RECORD_SORT_FIELDS)[number];

/** A page of records, sorted by `sort` (default `createdAt`), ties by id; `order` default asc. */
export interface RecordPageRequest extends PageRequest {
  sort?: RecordSortField;
}
