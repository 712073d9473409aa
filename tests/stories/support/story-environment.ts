import { setProjectAnnotations } from '@storybook/react-vite';
import preview from '../../../.storybook/preview.js';

/**
 * What jsdom lacks and React Flow measures with. The sizes are fixed and unrealistic
 * on purpose: these tests check what is rendered and what edits produce, never layout.
 */
function polyfillLayout(): void {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  globalThis.DOMMatrixReadOnly ??= class {
    m22 = 1;
    constructor(transform?: string) {
      const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
      this.m22 = scale ? Number(scale) : 1;
    }
  } as unknown as typeof DOMMatrixReadOnly;
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get: () => 100 },
    offsetWidth: { configurable: true, get: () => 100 },
  });
}

polyfillLayout();
// React 19 warns about updates outside act() unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The preview's decorators and globals (locale, fake API) for `composeStories`. */
export const projectAnnotations = setProjectAnnotations([preview]);
