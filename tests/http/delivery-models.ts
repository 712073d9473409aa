/** A model whose stages reach the outside world, for the delivery and webhook tests. */
const stage = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots: [],
  triggers: [],
  ...extra,
});

const robot = (id: string, action: Record<string, unknown>) => ({
  id,
  timing: { kind: 'immediate' },
  action,
});

const webhook = (id: string, url: string, extra: Record<string, unknown> = {}) =>
  robot(id, {
    type: 'webhook',
    url,
    body: '{"deal": "{{ record.title }}", "amount": {{ record.amount }}}',
    ...extra,
  });

/** `base` is the loopback receiver's URL (webhook robots call `<base>/<behaviour>`). */
export function outsideModel(base = 'http://127.0.0.1:9') {
  return {
    schemaVersion: 1,
    id: 'outside',
    name: 'Outside world',
    entities: {},
    templates: [
      {
        key: 'receipt',
        kind: 'email',
        name: 'Receipt',
        subject: 'Payment received for {{ record.title }}',
        body: 'Dear {{ contact.name }}, we received {{ record.amount }} {{ record.currency }}. {{ responsible.name }}',
      },
      {
        key: 'sms_note',
        kind: 'message',
        name: 'SMS',
        body: 'Order {{ record.title }} is ready',
      },
      {
        key: 'contract',
        kind: 'document',
        name: 'Contract',
        subject: 'Contract {{ record.title }}',
        body: '<h1>Contract for {{ record.title }}</h1><p>Client: {{ contact.name }} ({{ company.title }})</p><p>Amount: {{ record.amount }}</p>',
      },
      {
        key: 'broken',
        kind: 'email',
        name: 'Broken at run time',
        subject: 'Hi',
        body: 'Paid {{ event.nothing_here }}',
      },
    ],
    directory: {
      users: [{ key: 'ivanov', name: 'Ivan Ivanov', email: 'ivanov@example.com' }],
      departments: [],
      queues: [],
    },
    pipelines: [
      {
        key: 'orders',
        name: 'Orders',
        entity: 'deal',
        stages: [
          stage('new'),
          stage('paid', {
            triggers: [
              {
                id: 'payment_hook',
                type: 'inbound_webhook',
                condition: { '>=': [{ var: '$event.amount' }, 100] },
              },
            ],
            robots: [
              robot('receipt_mail', {
                type: 'send_email',
                to: { kind: 'client' },
                template: 'receipt',
              }),
            ],
          }),
          stage('contract', {
            robots: [
              robot('make_contract', {
                type: 'generate_document',
                template: 'contract',
                register: 'contracts',
              }),
            ],
          }),
          stage('notify', {
            robots: [
              robot('sms', {
                type: 'send_message',
                channel: 'sms',
                to: { kind: 'address', address: '+79990001122' },
                template: 'sms_note',
              }),
            ],
          }),
          stage('broken', {
            robots: [
              robot('broken_mail', {
                type: 'send_email',
                to: { kind: 'client' },
                template: 'broken',
              }),
            ],
          }),
          stage('sync_flaky', { robots: [webhook('flaky', `${base}/flaky`)] }),
          stage('sync_bad', { robots: [webhook('bad', `${base}/bad`)] }),
          stage('sync_big', {
            robots: [
              webhook('big', `${base}/big`, {
                body: '{"deal": {{ record.title | json }}}',
              }),
            ],
          }),
          stage('sync_hang', {
            robots: [webhook('hang', `${base}/hang`, { timeoutMs: 200, maxAttempts: 2 })],
          }),
          { ...stage('done'), kind: 'success' },
        ],
      },
    ],
  };
}

interface Named {
  key?: string;
  id?: string;
  name?: string;
  stages?: Named[];
  robots?: Named[];
  triggers?: Named[];
}

/** The delivery model with names the admin typed on the paid stage, its hook and the bad webhook. */
export function namedOutsideModel(base?: string) {
  const model = outsideModel(base);
  const typed: Record<string, string> = {
    paid: 'Оплачено',
    payment_hook: 'Payment arrived',
    bad: 'Sync to ERP',
  };
  const walk = (n: Named) => {
    const name = typed[n.key ?? n.id ?? ''];
    if (name !== undefined) n.name = name;
    for (const child of [...(n.stages ?? []), ...(n.robots ?? []), ...(n.triggers ?? [])])
      walk(child);
  };
  for (const p of model.pipelines as Named[]) walk(p);
  return model;
}
