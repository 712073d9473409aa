import type { EntityType } from '../model/common.js';
import type { FieldType } from '../model/fields.js';

export interface StandardField {
  readonly key: string;
  readonly type: FieldType;
  readonly label: { readonly en: string; readonly ru: string };
  readonly linkEntity?: EntityType;
}

const title: StandardField = {
  key: 'title',
  type: 'string',
  label: { en: 'Title', ru: 'Название' },
};
const responsible: StandardField = {
  key: 'responsible',
  type: 'user',
  label: { en: 'Responsible', ru: 'Ответственный' },
};
const createdAt: StandardField = {
  key: 'createdAt',
  type: 'datetime',
  label: { en: 'Created', ru: 'Создано' },
};
const phone: StandardField = {
  key: 'phone',
  type: 'string',
  label: { en: 'Phone', ru: 'Телефон' },
};
const email: StandardField = { key: 'email', type: 'string', label: { en: 'Email', ru: 'E-mail' } };
const amount: StandardField = {
  key: 'amount',
  type: 'money',
  label: { en: 'Amount', ru: 'Сумма' },
};
const currency: StandardField = {
  key: 'currency',
  type: 'string',
  label: { en: 'Currency', ru: 'Валюта' },
};

/**
 * Fields every record of an entity type has, whatever the model declares. Records keep
 * them beside custom fields in one flat `fields` object, which is also what
 * conditions see (`{"var": "amount"}`).
 */
export const STANDARD_FIELDS: Readonly<Record<EntityType, readonly StandardField[]>> = {
  lead: [
    title,
    responsible,
    createdAt,
    { key: 'name', type: 'string', label: { en: 'Name', ru: 'Имя' } },
    phone,
    email,
    { key: 'source', type: 'string', label: { en: 'Source', ru: 'Источник' } },
    amount,
    currency,
  ],
  deal: [
    title,
    responsible,
    createdAt,
    amount,
    currency,
    {
      key: 'contact',
      type: 'link',
      linkEntity: 'contact',
      label: { en: 'Contact', ru: 'Контакт' },
    },
    {
      key: 'company',
      type: 'link',
      linkEntity: 'company',
      label: { en: 'Company', ru: 'Компания' },
    },
    { key: 'closeDate', type: 'date', label: { en: 'Close date', ru: 'Дата закрытия' } },
  ],
  contact: [
    title,
    responsible,
    createdAt,
    { key: 'name', type: 'string', label: { en: 'Name', ru: 'Имя' } },
    phone,
    email,
    {
      key: 'company',
      type: 'link',
      linkEntity: 'company',
      label: { en: 'Company', ru: 'Компания' },
    },
  ],
  company: [
    title,
    responsible,
    createdAt,
    phone,
    email,
    { key: 'industry', type: 'string', label: { en: 'Industry', ru: 'Отрасль' } },
  ],
};
