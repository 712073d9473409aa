import type { ActionInput, ActionOutcome } from '../action-host.js';
import { generateDocument } from './generate-document.js';
import { addComment, createTask, notify, sendToOutbox } from './message-actions.js';
import {
  assign,
  changeStage,
  convertLead,
  createLinkedRecord,
  updateFields,
} from './record-actions.js';

/** Runs one action of a rule. Failures come back as outcomes; bugs throw. */
export async function runAction(input: ActionInput): Promise<ActionOutcome> {
  const a = input.action;
  switch (a.type) {
    case 'change_stage':
      return changeStage(input, a);
    case 'assign':
      return assign(input, a);
    case 'update_fields':
      return updateFields(input, a);
    case 'create_task':
      return createTask(input, a);
    case 'notify':
      return notify(input, a);
    case 'send_email':
    case 'send_message':
    case 'webhook':
      return sendToOutbox(input, a);
    case 'generate_document':
      return generateDocument(input, a);
    case 'create_linked_record':
      return createLinkedRecord(input, a);
    case 'convert_lead':
      return convertLead(input, a);
    case 'add_comment':
      return addComment(input, a);
  }
}
