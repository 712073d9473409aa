import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n/i18n.js';
import { ACCESS_SCREENS, accessHref, screenAllowed } from './access-routes.js';
import { useMe } from './me-context.js';
import { useRoleLabel } from './role-label.js';
import './access.css';

/**
 * Up to two initials of a name (`Olga Petrova` -> `OP`).
 *
 * @example initialsOf('Max Manager') // 'MM'
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = [...(words[0] ?? '?')][0] ?? '?';
  const last = words.length > 1 ? ([...(words.at(-1) ?? '')][0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/**
 * The signed-in person's menu in the header: name and role, language, their own
 * password, sessions and tokens, the access screens their role may see, sign out.
 * Outside the signed-in app (a story of the header alone) it shows nothing.
 */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const state = useMe();
  const roleLabel = useRoleLabel();
  const menu = useRef<HTMLDetailsElement>(null);
  if (state === null) return null;
  const { account } = state.me;
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  return (
    <details className="header-menu user-menu" ref={menu} data-testid="user-menu">
      <summary title={account.name} data-user-text>
        {/* Initials keep the editor's toolbar on one row (Russian, 1280 px); the full
            name is read out, and the visible initials stay part of that name (axe). */}
        <span className="user-initials">{initialsOf(account.name)}</span>
        <span className="visually-hidden"> {t('access.menu.label', { name: account.name })}</span>
        <span aria-hidden="true"> ▾</span>
      </summary>
      <div className="header-menu-items user-menu-items">
        <div className="user-menu-who">
          <strong data-user-text>{account.name}</strong>
          <span className="muted" data-user-text>
            {account.email}
          </span>
          <span className="muted" data-testid="user-menu-role">
            {roleLabel(account.role)}
          </span>
        </div>
        <div className="user-menu-language" role="group" aria-label={t('app.language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={i18n.language === l}
              className={i18n.language === l ? 'active' : ''}
              onClick={() => setLanguage(l)}
              data-testid={`menu-language-${l}`}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        <nav aria-label={t('access.menu.screens')}>
          {ACCESS_SCREENS.filter((s) => screenAllowed(state.matrix, s)).map((s) => (
            <a key={s} href={accessHref(s)} onClick={close} data-testid={`menu-${s}`}>
              {t(`access.screen.${s}`)}
            </a>
          ))}
          <a href="#/outside" onClick={close} data-testid="menu-outside">
            {t('outside.open')}
          </a>
        </nav>
        <button
          type="button"
          onClick={() => {
            close();
            void state.signOut();
          }}
          data-testid="sign-out"
        >
          {t('access.menu.signOut')}
        </button>
      </div>
    </details>
  );
}
