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
import { AccessApiProvider } from '../../designer/src/access/access-api-context.js';
import type { AccessApi } from '../../designer/src/access/access-api.js';
import { MeContext } from '../../designer/src/access/me-context.js';
import { matrixOf } from '../../designer/src/access/permissions.js';
import type { MeAnswer } from '../../designer/src/access/access-types.js';
import { createFakeAccessApi } from './fake-access-api.js';
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
  /** Makes the sign-in and access client; the fake one with sample accounts by default. */
  readonly accessApi?: () => AccessApi;
  /** The signed-in caller (`withMe`); absent: nobody, nothing hidden. */
  readonly me?: MeAnswer;
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
  makeAccess,
  children,
}: {
  make: () => ApiClient;
  makeExtra: () => ExtraApi;
  makeAccess: () => AccessApi;
  children: ReactNode;
}) {
  const [client] = useState(make);
  const [extra] = useState(makeExtra);
  const [access] = useState(makeAccess);
  return (
    <ApiProvider client={client}>
      <ExtraApiProvider client={extra}>
        <AccessApiProvider client={access}>{children}</AccessApiProvider>
      </ExtraApiProvider>
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
    makeAccess={ours(context.parameters).accessApi ?? createFakeAccessApi}
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

/** A signed-in caller (`parameters.me`) for the user menu and the permission checks. */
export const withMe: Decorator = (Story, context) => {
  const me = ours(context.parameters).me;
  if (me === undefined) return <Story />;
  return (
    <MeContext.Provider
      value={{ me, matrix: matrixOf(me.permissions), signOut: () => Promise.resolve() }}
    >
      <Story />
    </MeContext.Provider>
  );
};
