import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExtraApi } from '../api/extra-api-context.js';
import type { ExampleSummary } from '../api/extra-api.js';
import '../versions/panels.css';
import './gallery.css';
import { useMatrix } from '../access/me-context.js';
import { allowsAutomation } from '../access/permissions.js';

/**
 * The example models, one per scenario, with a sentence each in the UI language.
 * Opening one saves an editable copy (a new draft) and opens it; the example stays as is.
 */
export function ExamplesGallery({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useExtraApi();
  const [examples, setExamples] = useState<ExampleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Opening makes a draft: a role that may not edit drafts is told why it cannot.
  const canEdit = allowsAutomation(useMatrix(), 'editDrafts');
  useEffect(() => {
    api
      .listExamples()
      .then(setExamples, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  const open = async (slug: string) => {
    setBusy(slug);
    try {
      onOpen((await api.copyExample(slug)).model.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(null);
    }
  };
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  return (
    <section className="gallery" aria-labelledby="gallery-title" data-testid="gallery">
      <h2 id="gallery-title">{t('gallery.title')}</h2>
      <p className="muted">{t('gallery.explain')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {examples === null && !error && <p>{t('app.loading')}</p>}
      <ul className="gallery-cards">
        {examples?.map((e) => (
          <li key={e.slug} className="gallery-card" data-testid={`example-${e.slug}`}>
            <h3>
              {e.scenario !== undefined && (
                <span className="gallery-number">{t('gallery.scenario', { n: e.scenario })}</span>
              )}{' '}
              {e.name}
            </h3>
            <p>{e.description[lang]}</p>
            <button
              type="button"
              onClick={() => void open(e.slug)}
              disabled={busy !== null || !canEdit}
              title={canEdit ? undefined : t('access.reason.editDrafts')}
              aria-label={t('gallery.openNamed', { name: e.name })}
              data-testid={`open-example-${e.slug}`}
            >
              {busy === e.slug ? t('app.loading') : t('gallery.open')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
