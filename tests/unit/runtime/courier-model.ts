/**
 * Sales deals follow their delivery deal through linked-record triggers. A delivery
 * whose robots move it on at once ("Packed" -> "Handed to courier" -> "Returned" when
 * it has no address) must be seen by the sales deal in that order.
 */
const stage = (key: string, name: string, extra: Record<string, unknown> = {}) => ({
  key,
  name,
  kind: 'in_progress',
  robots: [],
  triggers: [],
  ...extra,
});
const follows = (id: string, deliveryStage: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'linked_record_stage',
  entity: 'deal',
  pipeline: 'delivery',
  stage: deliveryStage,
  ...extra,
});
const moveAtOnce = (id: string, to: string, condition?: unknown) => ({
  id,
  timing: { kind: 'immediate' },
  ...(condition === undefined ? {} : { condition }),
  action: { type: 'change_stage', stage: to },
});

export const COURIER_MODEL = {
  schemaVersion: 1,
  id: 'courier',
  name: 'Sales follow their delivery',
  entities: {
    deal: { fields: [{ key: 'address', label: 'Delivery address', type: 'string' }] },
  },
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [
        stage('new', 'New'),
        stage('paid', 'Paid'),
        stage('packing', 'Packing', { triggers: [follows('delivery_packed', 'packed')] }),
        // A parcel sent again after a return is shipped again: backwards allowed.
        stage('shipped', 'Shipped', {
          triggers: [follows('delivery_handed', 'handed_to_courier', { allowBackwards: true })],
        }),
        stage('returned', 'Returned', { triggers: [follows('delivery_returned', 'returned')] }),
      ],
    },
    {
      key: 'delivery',
      name: 'Delivery',
      entity: 'deal',
      stages: [
        stage('new_request', 'New request'),
        stage('packed', 'Packed', { robots: [moveAtOnce('hand_over', 'handed_to_courier')] }),
        stage('handed_to_courier', 'Handed to courier', {
          robots: [moveAtOnce('no_address', 'returned', { '!': [{ var: 'address' }] })],
        }),
        stage('returned', 'Returned'),
      ],
    },
  ],
};
