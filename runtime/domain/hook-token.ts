/** The secret token of one inbound_webhook trigger (an installation secret, not model data). */
export interface HookTokenDoc {
  /** `<modelId>/<triggerId>` */
  key: string;
  modelId: string;
  triggerId: string;
  token: string;
  createdAt: string;
}
