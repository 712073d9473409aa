import { useEffect, useState } from 'react';
import { accessScreenOf, type AccessScreen } from '../access/access-routes.js';
import { AccessScreenPage } from '../access/access-screen-page.js';
import { BoardPage } from '../board/board-page.js';
import { OutsidePage } from '../outside/outside-page.js';
import { DesignerPage } from './designer-page.js';
import { ModelList } from './model-list.js';

type Route =
  | { page: 'list' }
  | { page: 'model'; id: string; node?: string }
  | { page: 'board'; pipeline: string; model?: string }
  | { page: 'outside' }
  | { page: AccessScreen };

function route(): Route {
  const [path = '', search = ''] = window.location.hash.split('?');
  const q = new URLSearchParams(search);
  if (path === '#/outside') return { page: 'outside' };
  const board = /^#\/board\/([^/]+)/.exec(path);
  if (board?.[1]) {
    const model = q.get('model');
    return {
      page: 'board',
      pipeline: decodeURIComponent(board[1]),
      ...(model ? { model } : {}),
    };
  }
  const m = /^#\/models\/([^/]+)/.exec(path);
  if (!m?.[1]) return { page: accessScreenOf(window.location.hash) ?? 'list' };
  const node = q.get('node');
  return { page: 'model', id: decodeURIComponent(m[1]), ...(node ? { node } : {}) };
}

/**
 * Hash routes: `#/` the model list, `#/models/<id>[?node=<node id>]` the designer (with
 * that node selected), `#/board/<pipeline key>[?model=<id>]` the live board,
 * `#/outside` outbox, dead letters, hook addresses and documents, `#/users`,
 * `#/tokens`, `#/roles`, `#/audit`, `#/recycle-bin`, `#/sessions`, `#/password` the
 * access screens.
 */
export function App() {
  const [current, setCurrent] = useState(route);
  useEffect(() => {
    const on = () => setCurrent(route());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  if (current.page === 'outside') return <OutsidePage />;
  if (current.page === 'board')
    return (
      <BoardPage
        pipelineKey={current.pipeline}
        {...(current.model === undefined ? {} : { modelId: current.model })}
      />
    );
  if (current.page === 'model')
    return (
      <DesignerPage
        id={current.id}
        {...(current.node === undefined ? {} : { focusNode: current.node })}
      />
    );
  if (current.page === 'list')
    return (
      <ModelList onOpen={(id) => (window.location.hash = `#/models/${encodeURIComponent(id)}`)} />
    );
  return <AccessScreenPage screen={current.page} />;
}
