import { useEffect, useState } from 'react';
import { DesignerPage } from './designer-page.js';
import { ModelList } from './model-list.js';

function route(): { page: 'list' } | { page: 'model'; id: string } {
  const m = /^#\/models\/([^/]+)/.exec(window.location.hash);
  return m?.[1] ? { page: 'model', id: decodeURIComponent(m[1]) } : { page: 'list' };
}

/** Hash routes: `#/` the model list, `#/models/<id>` the designer. */
export function App() {
  const [current, setCurrent] = useState(route);
  useEffect(() => {
    const on = () => setCurrent(route());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  if (current.page === 'model') return <DesignerPage id={current.id} />;
  return (
    <ModelList onOpen={(id) => (window.location.hash = `#/models/${encodeURIComponent(id)}`)} />
  );
}
