import { useEffect, useState } from 'react';
import { accessScreenOf, type AccessScreen } from '../access/access-routes.js';
import { AccessScreenPage } from '../access/access-screen-page.js';
import { DesignerPage } from './designer-page.js';
import { ModelList } from './model-list.js';

type Route = { page: 'list' } | { page: 'model'; id: string } | { page: AccessScreen };

function route(): Route {
  const m = /^#\/models\/([^/]+)/.exec(window.location.hash);
  if (m?.[1]) return { page: 'model', id: decodeURIComponent(m[1]) };
  return { page: accessScreenOf(window.location.hash) ?? 'list' };
}

/**
 * Hash routes: `#/` the model list, `#/models/<id>` the designer, `#/users`,
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
  if (current.page === 'model') return <DesignerPage id={current.id} />;
  if (current.page === 'list')
    return (
      <ModelList onOpen={(id) => (window.location.hash = `#/models/${encodeURIComponent(id)}`)} />
    );
  return <AccessScreenPage screen={current.page} />;
}
