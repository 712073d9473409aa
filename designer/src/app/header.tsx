import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-autosave.js';
import { LanguageSwitch } from './language-switch.js';
import { useBlankableName } from '../inspector/use-blankable-name.js';
import { UserMenu } from '../access/user-menu.js';
import { useMatrix } from '../access/me-context.js';
import { allowsAutomation } from '../access/permissions.js';

export interface HeaderProps {
  readonly name: string;
  readonly save: SaveState;
  /** A diff or comparison is on the canvas: nothing may change the draft. */
  readonly readOnly?: boolean;
  readonly notice: string | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly view: 'canvas' | 'json';
  onRename(name: string): void;
  onUndo(): void;
  onRedo(): void;
  onPublish(): void;
  onImport(text: string): void;
  onExport(): void;
  onExportRuleSet(): void;
  onAutoLayout(): void;
  onAddPipeline(): void;
  onView(v: 'canvas' | 'json'): void;
  /** The live boards of the model's pipelines (shown once published). */
  readonly boards?: ReadonlyArray<{ readonly href: string; readonly name: string }>;
}

/** The toolbar: model name, save state, undo/redo, import/export, publish, language. */
export function Header(p: HeaderProps) {
  const { t } = useTranslation();
  const name = useBlankableName(p.name, p.onRename);
  const file = useRef<HTMLInputElement>(null);
  const exportMenu = useRef<HTMLDetailsElement>(null);
  const saveText =
    p.save.status === 'failed'
      ? t('header.saveFailed', { message: p.save.message })
      : t(`header.${p.save.status}`);
  const ro = p.readOnly === true;
  // Without the matrix (the runtime sends only the role) nothing is hidden.
  const matrix = useMatrix();
  const canPublish = allowsAutomation(matrix, 'publish');
  const canEdit = allowsAutomation(matrix, 'editDrafts');
  const noEdit = canEdit ? undefined : t('access.reason.editDrafts');
  return (
    <header className="app-header">
      <a href="#/" className="brand">
        {t('app.title')}
      </a>
      <input
        className="model-name"
        aria-label={t('app.modelName')}
        value={name.shown}
        readOnly={ro}
        aria-invalid={name.isBlank}
        onChange={(e) => name.change(e.target.value)}
        onBlur={name.reset}
        data-testid="model-name"
      />
      <span className={`save-state save-${p.save.status}`} data-testid="save-state">
        {saveText}
      </span>
      {!canEdit && (
        <span className="save-state" data-testid="read-only-reason">
          {t('access.reason.readOnlyModel')}
        </span>
      )}
      <div className="toolbar">
        {/* Icons with names: the Russian toolbar fits one row at 1280 px. */}
        <button
          type="button"
          className="icon-text"
          onClick={p.onUndo}
          disabled={ro || !p.canUndo}
          aria-label={t('header.undo')}
          title={`${t('header.undo')} (Ctrl+Z)`}
          data-testid="undo"
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-text"
          onClick={p.onRedo}
          disabled={ro || !p.canRedo}
          aria-label={t('header.redo')}
          title={`${t('header.redo')} (Ctrl+Shift+Z)`}
          data-testid="redo"
        >
          ↷
        </button>
        <button
          type="button"
          onClick={p.onAddPipeline}
          disabled={ro || !canEdit}
          title={noEdit}
          data-testid="add-pipeline"
        >
          {t('header.addPipeline')}
        </button>
        <button type="button" onClick={p.onAutoLayout} disabled={ro || !canEdit} title={noEdit}>
          {t('header.autoLayout')}
        </button>
        <button
          type="button"
          className={p.view === 'canvas' ? 'active' : ''}
          onClick={() => p.onView('canvas')}
          data-testid="view-canvas"
        >
          {t('header.canvas')}
        </button>
        <button
          type="button"
          className={p.view === 'json' ? 'active' : ''}
          onClick={() => p.onView('json')}
          data-testid="view-json"
        >
          {t('header.json')}
        </button>
        <button
          type="button"
          onClick={() => file.current?.click()}
          disabled={ro || !canEdit}
          title={noEdit}
          data-testid="import"
        >
          {t('header.import')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) p.onImport(await f.text());
          }}
        />
        <details className="header-menu" ref={exportMenu}>
          <summary data-testid="export-menu">{t('header.exportMenu')}</summary>
          <div className="header-menu-items">
            <button
              type="button"
              onClick={() => {
                if (exportMenu.current) exportMenu.current.open = false;
                p.onExport();
              }}
            >
              {t('header.export')}
            </button>
            <button
              type="button"
              onClick={() => {
                if (exportMenu.current) exportMenu.current.open = false;
                p.onExportRuleSet();
              }}
            >
              {t('header.exportRuleset')}
            </button>
          </div>
        </details>
        {p.boards !== undefined && p.boards.length > 0 && (
          <details className="header-menu">
            <summary data-testid="board-menu">{t('board.open')}</summary>
            <div className="header-menu-items">
              {p.boards.map((b) => (
                <a key={b.href} href={b.href} data-user-text>
                  {b.name}
                </a>
              ))}
            </div>
          </details>
        )}
        {canPublish && (
          <button type="button" className="primary" onClick={p.onPublish} data-testid="publish">
            {t('header.publish')}
          </button>
        )}
        <LanguageSwitch />
        <UserMenu />
      </div>
      {p.notice && (
        <div className="notice" data-testid="notice">
          {p.notice}
        </div>
      )}
    </header>
  );
}
