import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../schemas/index.js';
import { useApi } from '../api/api-context.js';
import type { LoadedModel } from '../api/api-types.js';
import { ModelEditor } from './model-editor.js';

const EMPTY_DIRECTORY: Directory = { users: [], departments: [], queues: [] };

/** Loads a model and the runtime directory, then opens the editor. */
export function DesignerPage({ id, focusNode }: { id: string; focusNode?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [loaded, setLoaded] = useState<LoadedModel | null>(null);
  const [directory, setDirectory] = useState<Directory>(EMPTY_DIRECTORY);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getModel(id).then(
      (m) => live && setLoaded(m),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    api.getDirectory().then(
      (d) => live && setDirectory(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, id]);
  if (error) return <p className="page-message">{t('app.loadFailed', { message: error })}</p>;
  // After a hash change the previous model is still loaded until the new one arrives.
  if (!loaded || loaded.model.id !== id) return <p className="page-message">{t('app.loading')}</p>;
  return (
    <ModelEditor
      key={id}
      initial={loaded.model}
      {...(loaded.etag === undefined ? {} : { initialEtag: loaded.etag })}
      runtimeDirectory={directory}
      {...(focusNode === undefined ? {} : { focusNode })}
    />
  );
}
