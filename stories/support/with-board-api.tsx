import { useState, type ReactNode } from 'react';
import type { Decorator } from '@storybook/react-vite';
import { BoardApiProvider } from '../../designer/src/board/board-api-context.js';
import type { BoardApi } from '../../designer/src/board/board-types.js';
import { createFakeBoardApi } from './fake-board-api.js';
import '../../designer/src/board/board.css';

/** `parameters.boardApi`: makes the fake board runtime of a story. */
export interface BoardStoryParameters {
  readonly boardApi?: () => BoardApi;
}

function StoryBoardApi({ make, children }: { make: () => BoardApi; children: ReactNode }) {
  const [client] = useState(make);
  return <BoardApiProvider client={client}>{children}</BoardApiProvider>;
}

/** The fake board runtime through the board's API context. */
export const withBoardApi: Decorator = (Story, context) => (
  <StoryBoardApi
    key={context.id}
    make={(context.parameters as BoardStoryParameters).boardApi ?? createFakeBoardApi}
  >
    <Story />
  </StoryBoardApi>
);
