/** An in-app notification a robot sent about a record. */
export interface NotificationDoc {
  id: string;
  recordId: string;
  recipient: string;
  message: string;
  createdAt: string;
  ruleId?: string;
}
