import { Type, type Static } from '@sinclair/typebox';
import { literalUnion } from './model/common.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * A finding about a document. `path` is a JSON Pointer into the model
 * (`/pipelines/0/stages/2/robots/1/action/stage`); `nodeId` names the canvas node
 * (`stage:<pipeline>/<stage>`, `robot:<id>`, `trigger:<id>`) so the designer can badge it.
 */
export const Diagnostic = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
    severity: literalUnion(SEVERITIES),
    path: Type.String(),
    nodeId: Type.Optional(Type.String()),
    message: Type.String(),
    /**
     * What the message says, as values for a translated template
     * (`diagnostics.<CODE>` in the designer): the admin's names, not keys; a
     * `variant` picks `diagnostics.<CODE>_<variant>`.
     */
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  },
  { additionalProperties: false },
);
export type Diagnostic = Static<typeof Diagnostic>;
export type Severity = Diagnostic['severity'];

/** Escapes one JSON Pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from segments: `jsonPointer('pipelines', 0)` -> `/pipelines/0`. */
export function jsonPointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
