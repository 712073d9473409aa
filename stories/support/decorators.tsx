import { useState, type ReactNode } from 'react';
import type { Decorator, Parameters } from '@storybook/react-vite';
import { I18nextProvider } from 'react-i18next';
import { ReactFlowProvider } from '@xyflow/react';
import type { AutomationModel } from '../../schemas/index.js';
import { ApiProvider } from '../../designer/src/api/api-context.js';
import type { ApiClient } from '../../designer/src/api/api-types.js';
import { createFakeApiClient } from './fake-api-client.js';
import { ExtraApiProvider } from '../../designer/src/api/extra-api-context.js';
import type { ExtraApi } from '../../designer/src/api/extra-api.js';
import { storyExtraApi } from './story-extra-api.js';
import { EditorHarness } from './editor-harness.js';
import { EXAMPLE_MODELS, STORY_DIRECTORY, WORKBENCH } from './fixtures.js';
import { localeInstance } from './locale-i18n.js';

/** The parameters our decorators read (`parameters: { model, api }` in a story or meta). */
export interface StoryParameters {
  /** The model `withEditor` edits; the workbench by default. */
  readonly model?: AutomationModel;
  /** Makes the client `withApi` provides; a fake runtime with the example models by default. */
  readonly api?: () => ApiClient;
  /**
   * Makes the versions/gallery/simulation client; by default a fake runtime with the
   * example gallery, scenario 4's versions and recorded simulations (`storyExtraApi`).
   */
  readonly extraApi?: () => ExtraApi;
}

function ours(parameters: Parameters): StoryParameters {
  return parameters as StoryParameters;
}

const defaultApi = () =>
  createFakeApiClient({ models: [...EXAMPLE_MODELS], directory: STORY_DIRECTORY });

// A component (not a bare decorator body) so the client is made once per story
// mount: a new client on each render would re-run every effect that depends on it.
function StoryApi({
  make,
  makeExtra,
  children,
}: {
  make: () => ApiClient;
  makeExtra: () => ExtraApi;
  children: ReactNode;
}) {
  const [client] = useState(make);
  const [extra] = useState(makeExtra);
  return (
    <ApiProvider client={client}>
      <ExtraApiProvider client={extra}>{children}</ExtraApiProvider>
    </ApiProvider>
  );
}

/** UI language from the toolbar (`globals.locale`); a story may pin `globals: { locale: 'ru' }`. */
export const withLocale: Decorator = (Story, context) => {
  const instance = localeInstance(context.globals.locale);
  return (
    <I18nextProvider i18n={instance}>
      <div lang={instance.language}>
        <Story />
      </div>
    </I18nextProvider>
  );
};

/** The fake runtime through the designer's API context (never a running server). */
export const withApi: Decorator = (Story, context) => (
  <StoryApi
    key={context.id}
    make={ours(context.parameters).api ?? defaultApi}
    makeExtra={ours(context.parameters).extraApi ?? storyExtraApi}
  >
    <Story />
  </StoryApi>
);

/** A live editor context over `parameters.model` (default: the workbench). */
export const withEditor: Decorator = (Story, context) => (
  <EditorHarness key={context.id} initial={ours(context.parameters).model ?? WORKBENCH}>
    <Story />
  </EditorHarness>
);

/** React Flow's store, for anything that renders nodes or uses `useReactFlow`. */
export const withFlow: Decorator = (Story) => (
  <ReactFlowProvider>
    <Story />
  </ReactFlowProvider>
);
