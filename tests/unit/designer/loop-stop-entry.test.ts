import { describe, expect, it } from 'vitest';
import type { AutomationModel } from '../../../schemas/index.js';
import type { SimulationTimelineEntry } from '../../../schemas/simulation/index.js';
import { i18n, setLanguage } from '../../../designer/src/i18n/i18n.js';
import { makeFormatters } from '../../../designer/src/i18n/use-format.js';
import { describeEntry } from '../../../designer/src/simulation/describe-entry.js';
import { visibleEntries } from '../../../designer/src/simulation/sim-timeline.js';
import { redeliveryLoopModel } from '../runtime/redelivery-loop-model.js';

const model = redeliveryLoopModel() as unknown as AutomationModel;
const origin = { kind: 'stage_changed', recordId: 'deal_2', eventId: 'api', at: '' };
const stop = (recordId: string, ref: string): SimulationTimelineEntry => ({
  at: '2026-01-05T12:00:00.000Z',
  minute: 180,
  ref,
  recordId,
  kind: 'loop_stopped',
  outcome: 'stopped',
  message: 'loop stopped: record 4 this chain would create is past its limit of 3 (...)',
  data: { reason: 'max_created_records', limit: 3, count: 4, stoppedAt: 'deal_1', origin },
});

describe('loop_stopped in the simulation timeline', () => {
  const t = i18n.t.bind(i18n);

  it('is a line of its own, said in the UI language, at both ends of the chain', () => {
    const timeline = [stop('deal_1', 'sale'), stop('deal_2', 'parcel')];
    expect(visibleEntries(timeline)).toEqual([0, 1]);
    setLanguage('en');
    const f = makeFormatters('en');
    expect(describeEntry(timeline[0]!, model, t, f)).toBe(
      'loop stopped: record 4 the chain would create is past its limit of 3; the chain stopped here',
    );
    expect(describeEntry(timeline[1]!, model, t, f)).toBe(
      'loop stopped: record 4 the chain would create is past its limit of 3; the chain started here',
    );
    setLanguage('ru');
    expect(describeEntry(timeline[1]!, model, t, makeFormatters('ru'))).toBe(
      'цикл остановлен: запись 4, которую создала бы цепочка, превышает предел в 3; цепочка началась здесь',
    );
    setLanguage('en');
  });

  it('says when the chain started and stopped on the same record', () => {
    setLanguage('en');
    const same = stop('deal_2', 'parcel');
    same.data = { ...same.data, reason: 'max_steps', limit: 200, count: 201, stoppedAt: 'deal_2' };
    expect(describeEntry(same, model, t, makeFormatters('en'))).toBe(
      'loop stopped: step 201 of the chain is past its limit of 200 steps; the chain started and stopped here',
    );
  });
});
