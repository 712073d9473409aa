import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/language-switch.js';
import './access.css';

/** The frame of the sign-in and setup pages: brand, language, one card. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <div className="toolbar">
          <LanguageSwitch />
        </div>
      </header>
      <main className="auth-card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
