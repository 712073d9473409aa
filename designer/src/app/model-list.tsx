import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODEL_SCHEMA_VERSION, type AutomationModel } from '../../../schemas/index.js';
import { useApi } from '../api/api-context.js';
import type { ModelSummary } from '../api/api-types.js';
import { makeKey } from '../editor/make-key.js';
import { LanguageSwitch } from './language-switch.js';
import { ExamplesGallery } from '../gallery/examples-gallery.js';
import { ModelRow } from './model-row.js';
import { UserMenu } from '../access/user-menu.js';
import { useMatrix } from '../access/me-context.js';
import { allowsAutomation } from '../access/permissions.js';

/** The entry point: saved models and "new model". */
export function ModelList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [models, setModels] = useState<ModelSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  // A new model is a new draft: not for a role that may not edit drafts.
  const canEdit = allowsAutomation(useMatrix(), 'editDrafts');
  useEffect(() => {
    api
      .listModels()
      .then(setModels, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  const create = async () => {
    const title = name.trim() || t('app.newModel');
    const id = makeKey(title, new Set((models ?? []).map((m) => m.id)), 'model');
    const model: AutomationModel = {
      schemaVersion: MODEL_SCHEMA_VERSION,
      id,
      name: title,
      entities: {},
      pipelines: [],
    };
    try {
      await api.createModel(model);
      onOpen(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="model-list">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <div className="toolbar">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main>
        <h2>{t('app.models')}</h2>
        {error && <p className="error">{error}</p>}
        {models === null && !error && <p>{t('app.loading')}</p>}
        {models?.length === 0 && <p className="muted">{t('app.noModels')}</p>}
        {models && models.length > 0 && (
          <table className="model-table" data-testid="model-list">
            <thead>
              <tr>
                <th scope="col">{t('app.columnName')}</th>
                <th scope="col">{t('app.columnId')}</th>
                <th scope="col">{t('app.columnVersion')}</th>
                <th scope="col">{t('app.columnChanged')}</th>
                <th scope="col">{t('app.columnStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <ModelRow key={m.id} model={m} />
              ))}
            </tbody>
          </table>
        )}
        <form
          className="new-model"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <input
            placeholder={t('app.modelName')}
            aria-label={t('app.modelName')}
            value={name}
            disabled={!canEdit}
            onChange={(e) => setName(e.target.value)}
            data-testid="new-model-name"
          />
          <button type="submit" className="primary" disabled={!canEdit} data-testid="new-model">
            {t('app.newModel')}
          </button>
          {!canEdit && (
            <span className="muted" data-testid="new-model-reason">
              {t('access.reason.editDrafts')}
            </span>
          )}
        </form>
        <ExamplesGallery onOpen={onOpen} />
      </main>
    </div>
  );
}
