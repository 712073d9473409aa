import { createContext, useContext } from 'react';

/** What node buttons can ask the page to do (kept out of node data so nodes stay pure views). */
export interface CanvasCommands {
  addStage(pipeline: string): void;
  addRobotTo(pipeline: string, stage: string): void;
}

export const CanvasCommandsContext = createContext<CanvasCommands>({
  addStage: () => undefined,
  addRobotTo: () => undefined,
});

/** Commands for node buttons. */
export function useCanvasCommands(): CanvasCommands {
  return useContext(CanvasCommandsContext);
}
