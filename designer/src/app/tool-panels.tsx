import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationModel } from '../../../schemas/index.js';
import type { CanvasOverlay } from '../versions/canvas-overlay.js';
import { VersionsPanel } from '../versions/versions-panel.js';
import { SimulationPanel } from '../simulation/simulation-panel.js';
import '../versions/panels.css';
import { maxPanelHeight, ResizeHandle } from './resize-handle.js';
import { usePanelHeight } from './use-panel-height.js';

const TABS = ['versions', 'simulation'] as const;
type Tab = (typeof TABS)[number];

export interface ToolPanelsProps {
  readonly model: AutomationModel;
  readonly flush: () => Promise<void>;
  readonly onOverlay: (overlay: CanvasOverlay | null) => void;
  readonly onReplaced: (model: AutomationModel, etag?: string) => void;
  readonly onRolledBack?: (version: number, from: number) => void;
  readonly onModelChange: (model: AutomationModel) => void;
}

/** The drawer under the canvas: versions and diff, simulation. One open at a time. */
export function ToolPanels(p: ToolPanelsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Tab | null>(null);
  const [height, setHeight] = usePanelHeight('conveyor.drawerHeight', 0);
  const toggle = (tab: Tab) => {
    p.onOverlay(null);
    setOpen((cur) => (cur === tab ? null : tab));
  };
  return (
    <section className="tool-panels" aria-label={t('panels.title')}>
      <div role="tablist" className="tool-tabs">
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`tool-tab-${tab}`}
            aria-selected={open === tab}
            aria-controls={`tool-panel-${tab}`}
            className={open === tab ? 'active' : ''}
            onClick={() => toggle(tab)}
            data-testid={`tab-${tab}`}
          >
            {t(`panels.${tab}`)}
          </button>
        ))}
      </div>
      {open && (
        <ResizeHandle
          height={height}
          min={100}
          max={() => maxPanelHeight(`tool-panel-${open}`)}
          onResize={setHeight}
          controls={`tool-panel-${open}`}
        />
      )}
      {open && (
        <div
          role="tabpanel"
          id={`tool-panel-${open}`}
          aria-labelledby={`tool-tab-${open}`}
          className="tool-panel"
          style={height ? { height } : undefined}
        >
          {open === 'versions' ? (
            <VersionsPanel
              modelId={p.model.id}
              draft={p.model}
              flush={p.flush}
              onOverlay={p.onOverlay}
              onReplaced={p.onReplaced}
              onRolledBack={p.onRolledBack}
            />
          ) : (
            <SimulationPanel
              model={p.model}
              onOverlay={p.onOverlay}
              onModelChange={p.onModelChange}
            />
          )}
        </div>
      )}
    </section>
  );
}
