/** A task a robot (or a person) created on a record. */
export interface TaskDoc {
  id: string;
  recordId: string;
  title: string;
  description?: string;
  assignee?: string;
  deadline?: string;
  status: 'open' | 'done';
  createdAt: string;
  completedAt?: string;
  ruleId?: string;
  version?: number;
}
