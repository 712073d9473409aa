import type { PublishPreview } from '../../designer/src/api/publish-api.js';

/** Scenario 4 with its 25-minute warning removed and a new call-back date trigger. */
export const PUBLISH_PREVIEW: PublishPreview = {
  modelId: 'reaction-time-control',
  liveVersion: 2,
  unchanged: false,
  diagnostics: [],
  timers: {
    cancelled: {
      count: 3,
      sample: [
        {
          timerId: 'tmr_1',
          recordId: 'deal_17',
          ruleId: 'robot:warn_after_25_min',
          dueAt: '2026-03-02T09:25:00.000Z',
          reason: 'rule_removed',
        },
      ],
    },
    replanned: {
      count: 1,
      sample: [
        {
          timerId: 'tmr_4',
          recordId: 'deal_18',
          ruleId: 'robot:remind_after_15_min',
          dueAt: '2026-03-02T09:15:00.000Z',
          newDueAt: '2026-03-02T09:20:00.000Z',
        },
      ],
    },
    kept: { count: 12 },
  },
  stages: [
    {
      pipeline: 'sales',
      stage: 'new_request',
      name: 'New request',
      change: 'changed',
      records: 7,
      sample: ['deal_17', 'deal_18', 'deal_19', 'deal_20', 'deal_21'],
    },
  ],
  newRules: [
    {
      ruleId: 'trigger:call_back_due',
      ruleName: 'Call-back time came',
      kind: 'date_trigger',
      pipeline: 'sales',
      stage: 'in_progress',
      records: 2,
      sample: ['deal_22', 'deal_23'],
    },
  ],
};

/** Nothing in flight changes: only kept timers. */
export const QUIET_PREVIEW: PublishPreview = {
  ...PUBLISH_PREVIEW,
  timers: {
    cancelled: { count: 0, sample: [] },
    replanned: { count: 0, sample: [] },
    kept: { count: 4 },
  },
  stages: [],
  newRules: [],
};
