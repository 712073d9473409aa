import { useMemo } from 'react';
import type { AriaLabelConfig } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

/** React Flow's own screen-reader texts and control labels in the UI language. */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('flowAria.node'),
      'node.a11yDescription.keyboardDisabled': t('flowAria.nodeNoKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('flowAria.moved', { direction, x, y }),
      'edge.a11yDescription.default': t('flowAria.edge'),
      'controls.ariaLabel': t('flowAria.controls'),
      'controls.zoomIn.ariaLabel': t('flowAria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flowAria.zoomOut'),
      'controls.fitView.ariaLabel': t('flowAria.fitView'),
      'controls.interactive.ariaLabel': t('flowAria.interactive'),
      'minimap.ariaLabel': t('flowAria.minimap'),
      'handle.ariaLabel': t('flowAria.handle'),
    }),
    [t],
  );
}
