import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_KINDS } from '../catalogue/action-kinds.js';
import { TRIGGER_KINDS } from '../catalogue/trigger-kinds.js';
import { PALETTE_MIME } from '../canvas/flow-canvas.js';
import { HAND_OFF_ITEM } from './use-place-item-for.js';

/** Every action and trigger kind, searchable; drag onto a stage or click to add to the selected stage. */
export function Palette({
  onPick,
  disabled = false,
}: {
  onPick: (item: string) => void;
  /** A diff is on the canvas: nothing can be added. */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const items = [
    {
      id: HAND_OFF_ITEM,
      group: 'actions',
      label: t('handoff.label'),
      desc: t('handoff.desc'),
    },
    ...ACTION_KINDS.map((k) => ({
      id: `action:${k.type}`,
      group: 'actions',
      label: t(`action.${k.type}`),
      desc: t(`actionDesc.${k.type}`),
    })),
    ...TRIGGER_KINDS.map((k) => ({
      id: `trigger:${k.type}`,
      group: 'triggers',
      label: t(`trigger.${k.type}`),
      desc: t(`triggerDesc.${k.type}`),
    })),
  ].filter((i) => !q || `${i.label} ${i.desc} ${i.id}`.toLowerCase().includes(q));
  return (
    <aside
      className={disabled ? 'palette palette-disabled' : 'palette'}
      data-testid="palette"
      aria-disabled={disabled}
    >
      <h3>{t('palette.title')}</h3>
      <input
        aria-label={t('palette.search')}
        disabled={disabled}
        type="search"
        placeholder={t('palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter takes the first match, so adding by keyboard needs no mouse.
          if (e.key === 'Enter' && items[0] && !disabled) onPick(items[0].id);
        }}
        data-testid="palette-search"
      />
      <p className="muted">{t('palette.hint')}</p>
      {(['actions', 'triggers'] as const).map((group) => (
        <section key={group}>
          <h4>{t(`palette.${group}`)}</h4>
          {items
            .filter((i) => i.group === group)
            .map((i) => (
              <div
                key={i.id}
                className={`palette-item palette-${group}`}
                draggable={!disabled}
                role="button"
                tabIndex={disabled ? -1 : 0}
                aria-disabled={disabled}
                data-testid={`palette-${i.id}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, i.id);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => !disabled && onPick(i.id)}
                onKeyDown={(e) => !disabled && e.key === 'Enter' && onPick(i.id)}
              >
                <strong>{i.label}</strong>
                <span>{i.desc}</span>
              </div>
            ))}
        </section>
      ))}
    </aside>
  );
}
