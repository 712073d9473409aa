import type { Diagnostic } from '../diagnostics.js';
import { ENTITY_TYPES, type EntityType } from '../model/common.js';
import type { AnalysisContext } from './analysis-context.js';
import { diagnostic, type Check, type DiagnosticParams } from './diagnostic.js';
import { liquidVariables } from './liquid-variables.js';
import { forEachRobot } from './walk-model.js';

/** Keys besides the fields that `record` carries (docs/contracts.md, Templates). */
const RECORD_EXTRAS = new Set(['id', 'entity', 'pipeline', 'stage', 'pipelineName', 'stageName']);
const PERSON_KEYS = new Set(['key', 'name', 'email']);
const ROOTS = new Set([
  'record',
  'contact',
  'company',
  'linked',
  'responsible',
  'manager',
  'event',
  'now',
]);

/**
 * Records a text is rendered for: `every` listed entity (the text's robots), or, for
 * a template no robot uses yet, `any` entity that has the field.
 */
interface Audience {
  readonly entities: readonly EntityType[];
  readonly mode: 'every' | 'any';
}

interface Unknown {
  readonly message: string;
  readonly params: DiagnosticParams;
}

/** Why a placeholder does not resolve for the audience, or null. */
function unknownPlaceholder(
  ctx: AnalysisContext,
  segments: readonly string[],
  { entities, mode }: Audience,
): Unknown | null {
  const [root, key] = segments;
  const shown = `{{ ${segments.join('.')} }}`;
  const noField = (of: string): Unknown => ({
    message: `placeholder ${shown} names no field of ${of}`,
    params: { variant: 'noField', placeholder: shown, entity: of },
  });
  if (root === undefined) return null;
  if (!ROOTS.has(root))
    return {
      message: `placeholder ${shown} is unknown; use record, contact, company, linked, responsible, manager, event or now`,
      params: { variant: 'root', placeholder: shown },
    };
  if (key === undefined) return null;
  if (root === 'record') {
    if (RECORD_EXTRAS.has(key)) return null;
    const lacking = entities.filter((e) => !ctx.fields[e].has(key));
    if (lacking.length === 0 || (mode === 'any' && lacking.length < entities.length)) return null;
    return noField(lacking.join(', '));
  }
  if (root === 'contact' || root === 'company')
    return ctx.fields[root].has(key) ? null : noField(root);
  if (root === 'linked') {
    // linked.<entity>.<field>: the first linked record of that entity.
    if (!(ENTITY_TYPES as readonly string[]).includes(key))
      return {
        message: `placeholder ${shown}: linked has ${ENTITY_TYPES.join(', ')}`,
        params: { variant: 'linked', placeholder: shown },
      };
    const field = segments[2];
    return field === undefined || ctx.fields[key as EntityType].has(field) ? null : noField(key);
  }
  if (root === 'responsible' || root === 'manager')
    return PERSON_KEYS.has(key)
      ? null
      : {
          message: `placeholder ${shown}: ${root} has only key, name and email`,
          params: { variant: 'person', placeholder: shown },
        };
  return null;
}

function checkText(
  ctx: AnalysisContext,
  out: Diagnostic[],
  text: string | undefined,
  at: string,
  audience: Audience,
  nodeId?: string,
): void {
  if (text === undefined) return;
  const parsed = liquidVariables(text);
  if (!parsed.ok) {
    out.push(
      parsed.fileTag === undefined
        ? diagnostic(
            'TEMPLATE_PARSE_ERROR',
            'error',
            at,
            `template does not parse: ${parsed.message}`,
            nodeId,
            { detail: parsed.message },
          )
        : diagnostic(
            'TEMPLATE_UNSUPPORTED_TAG',
            'error',
            at,
            `{% ${parsed.fileTag} %} loads another file, which templates cannot do; put the text in this template`,
            nodeId,
            { tag: parsed.fileTag },
          ),
    );
    return;
  }
  const seen = new Set<string>();
  for (const segments of parsed.variables) {
    const name = segments.slice(0, 2).join('.');
    if (seen.has(name)) continue;
    seen.add(name);
    const why = unknownPlaceholder(ctx, segments.slice(0, 2), audience);
    if (why)
      out.push(diagnostic('UNKNOWN_PLACEHOLDER', 'error', at, why.message, nodeId, why.params));
  }
}

/**
 * Liquid texts parse and name only what the template context holds: record fields,
 * the linked contact's and company's fields, responsible/manager key, name and
 * email, event payload keys and now. A model template is checked against the
 * entities of the robots that use it (all entities when unused).
 */
export const checkPlaceholders: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  const usedBy = new Map<string, Set<EntityType>>();
  forEachRobot(model, (robot, site) => {
    const a = robot.action;
    const at = `${site.path}/action`;
    const one: Audience = { entities: [site.entity], mode: 'every' };
    const text = (t: string | undefined, field: string): void =>
      checkText(ctx, out, t, `${at}/${field}`, one, site.nodeId);
    switch (a.type) {
      case 'create_task':
        text(a.title, 'title');
        text(a.description, 'description');
        break;
      case 'notify':
        text(a.message, 'message');
        break;
      case 'add_comment':
        text(a.text, 'text');
        break;
      case 'create_linked_record':
        text(a.title, 'title');
        break;
      case 'webhook':
        text(a.body, 'body');
        break;
      case 'send_email':
      case 'send_message':
      case 'generate_document': {
        const set = usedBy.get(a.template) ?? new Set<EntityType>();
        set.add(site.entity);
        usedBy.set(a.template, set);
        break;
      }
      default:
        break;
    }
  });
  model.templates?.forEach((t, i) => {
    const used = usedBy.get(t.key);
    const audience: Audience = used
      ? { entities: ENTITY_TYPES.filter((e) => used.has(e)), mode: 'every' }
      : { entities: ENTITY_TYPES, mode: 'any' };
    checkText(ctx, out, t.subject, `/templates/${i}/subject`, audience);
    checkText(ctx, out, t.body, `/templates/${i}/body`, audience);
  });
  return out;
};
