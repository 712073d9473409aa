import type { Addressee, PersonRef } from '../../../schemas/index.js';
import type { RecordDoc } from '../../domain/record.js';
import type { DirectoryView } from '../directory-view.js';
import type { RunContext } from '../run-context.js';

/** The user keys a person reference names for this record. */
export function resolvePerson(dir: DirectoryView, record: RecordDoc, ref: PersonRef): string[] {
  const responsible = record.fields.responsible;
  switch (ref.kind) {
    case 'responsible':
      return typeof responsible === 'string' ? [responsible] : [];
    case 'manager': {
      const m = dir.managerOf(responsible);
      return m === undefined ? [] : [m.key];
    }
    case 'user':
      return [ref.user];
    case 'department': {
      const m = dir.department(ref.department)?.manager;
      return m === undefined ? [] : [m];
    }
  }
}

/** The address an email or message goes to. */
export async function resolveAddress(
  ctx: RunContext,
  dir: DirectoryView,
  record: RecordDoc,
  to: Addressee,
): Promise<string | undefined> {
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' && v !== '' ? v : undefined;
  switch (to.kind) {
    case 'client': {
      const own = str(record.fields.email);
      if (own !== undefined) return own;
      const link = record.links.find((l) => l.entity === 'contact');
      const contact = link === undefined ? undefined : await ctx.tx.get('records', link.id);
      return str(contact?.fields.email) ?? str(contact?.fields.phone);
    }
    case 'responsible':
      return dir.user(record.fields.responsible)?.email;
    case 'manager':
      return dir.managerOf(record.fields.responsible)?.email;
    case 'user':
      return dir.user(to.user)?.email;
    case 'address':
      return to.address;
    case 'field':
      return str(record.fields[to.field]);
  }
}
