import { useEffect, useState } from 'react';
import { useAccessApi } from './access-api-context.js';
import type { ActorView } from './access-types.js';
import type { RobotNames } from './robot-names.js';

/**
 * The names of the models behind the robot actors shown, each model asked for once.
 * A model the reader may not see (or one deleted since) stays unnamed: its keys show.
 */
export function useRobotNames(actors: readonly ActorView[]): ReadonlyMap<string, RobotNames> {
  const api = useAccessApi();
  const [names, setNames] = useState<ReadonlyMap<string, RobotNames>>(new Map());
  const [asked] = useState(() => new Set<string>());
  const wanted = [
    ...new Set(actors.flatMap((a) => (a.kind === 'robot' && a.modelId !== '' ? [a.modelId] : []))),
  ].filter((m) => !asked.has(m));
  const key = wanted.join('\n');
  useEffect(() => {
    if (key === '') return;
    let live = true;
    for (const modelId of key.split('\n')) {
      asked.add(modelId);
      api.robotNames(modelId).then(
        (n) => {
          if (live && n !== undefined) setNames((m) => new Map(m).set(modelId, n));
        },
        () => undefined, // no right to read models, or gone: the keys are shown
      );
    }
    return () => {
      live = false;
    };
  }, [api, asked, key]);
  return names;
}
