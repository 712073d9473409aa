import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/language-switch.js';
import { ACCESS_SCREENS, accessHref, screenAllowed, type AccessScreen } from './access-routes.js';
import { useMatrix } from './me-context.js';
import { UserMenu } from './user-menu.js';
import './access.css';

/** The frame of every access screen: header, tabs to the others, the screen's heading. */
export function AccessShell({ screen, children }: { screen: AccessScreen; children: ReactNode }) {
  const { t } = useTranslation();
  const matrix = useMatrix();
  return (
    <div className="access-page" data-testid={`screen-${screen}`}>
      <header className="app-header">
        <a href="#/" className="brand">
          {t('app.title')}
        </a>
        <a href="#/" className="header-link">
          {t('app.models')}
        </a>
        <div className="toolbar">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <nav className="access-tabs" aria-label={t('access.menu.screens')}>
        {ACCESS_SCREENS.filter((s) => screenAllowed(matrix, s)).map((s) => (
          <a
            key={s}
            href={accessHref(s)}
            aria-current={s === screen ? 'page' : undefined}
            className={s === screen ? 'active' : ''}
          >
            {t(`access.screen.${s}`)}
          </a>
        ))}
      </nav>
      <main className="access-main">
        <h1>{t(`access.screen.${screen}`)}</h1>
        {children}
      </main>
    </div>
  );
}
