import type { Template } from '../../../schemas/index.js';

export type { EntityType, FieldType } from '../../../schemas/index.js';
export type TemplateKind = Template['kind'];
