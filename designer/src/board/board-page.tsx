import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../schemas/index.js';
import { LanguageSwitch } from '../app/language-switch.js';
import { useBoardApi } from './board-api-context.js';
import type { BoardFilters, BoardPipeline } from './board-types.js';
import { Board } from './board.js';
import './board.css';

const EMPTY_DIRECTORY: Directory = { users: [], departments: [], queues: [] };

/**
 * `#/board/<pipeline key>[?model=<id>]`: finds the published pipeline (of that model, or
 * the first model publishing the key) and shows its board.
 */
export function BoardPage({ pipelineKey, modelId }: { pipelineKey: string; modelId?: string }) {
  const { t } = useTranslation();
  const api = useBoardApi();
  const [board, setBoard] = useState<BoardPipeline | null | undefined>(undefined);
  const [directory, setDirectory] = useState<Directory>(EMPTY_DIRECTORY);
  const [me, setMe] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.publishedPipelines().then(
      (all) =>
        live &&
        setBoard(
          all.find(
            (b) =>
              b.pipeline.key === pipelineKey && (modelId === undefined || b.modelId === modelId),
          ) ?? null,
        ),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    api.directory().then(
      (d) => live && setDirectory(d),
      () => undefined,
    );
    api.me().then(
      (m) => live && setMe(m?.userId),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, pipelineKey, modelId]);
  return (
    <div className="board-page">
      <header className="app-header">
        <a href="#/" className="brand">
          {t('app.title')}
        </a>
        <h2 className="board-title" data-user-text>
          {board
            ? `${board.pipeline.name} · ${board.modelName}`
            : t('board.title_', { key: pipelineKey })}
        </h2>
        {board && (
          <a href={`#/models/${encodeURIComponent(board.modelId)}`} className="board-open-model">
            {t('board.openModel')}
          </a>
        )}
        <div className="toolbar">
          <LanguageSwitch />
        </div>
      </header>
      {error !== null && (
        <p className="page-message error">{t('app.loadFailed', { message: error })}</p>
      )}
      {board === undefined && error === null && <p className="page-message">{t('app.loading')}</p>}
      {board === null && (
        <p className="page-message" data-testid="board-missing">
          {t('board.notPublished', { key: pipelineKey })}
        </p>
      )}
      {board && (
        <BoardWithFilters
          key={`${board.modelId}/${board.pipeline.key}`}
          board={board}
          directory={directory}
          me={me}
        />
      )}
    </div>
  );
}

function BoardWithFilters({
  board,
  directory,
  me,
}: {
  board: BoardPipeline;
  directory: Directory;
  me: string | undefined;
}) {
  const [filters, setFilters] = useState<BoardFilters>({});
  const [mine, setMine] = useState(false);
  return (
    <Board
      board={board}
      directory={directory}
      filters={filters}
      mine={mine}
      me={me}
      onFilters={setFilters}
      onMine={setMine}
    />
  );
}
