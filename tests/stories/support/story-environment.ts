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

/** jsdom has `<dialog>` but not its modal API; the rollback confirmation opens one. */
function polyfillDialog(): void {
  const proto = globalThis.HTMLDialogElement?.prototype;
  if (!proto || typeof proto.showModal === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

polyfillLayout();
polyfillDialog();
// React 19 warns about updates outside act() unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The preview's decorators and globals (locale, fake API) for `composeStories`. */
export const projectAnnotations = setProjectAnnotations([preview]);
