import { useTranslation } from 'react-i18next';
import { screenAllowed, type AccessScreen } from './access-routes.js';
import { AccessShell } from './access-shell.js';
import { AuditPage } from './audit-page.js';
import { useMatrix } from './me-context.js';
import { PasswordPage } from './password-page.js';
import { RecycleBinPage } from './recycle-bin-page.js';
import { RolesPage } from './roles-page.js';
import { SessionsPage } from './sessions-page.js';
import { TokensPage } from './tokens-page.js';
import { UsersPage } from './users-page.js';

const PAGES: Record<AccessScreen, () => React.JSX.Element> = {
  users: UsersPage,
  tokens: TokensPage,
  roles: RolesPage,
  audit: AuditPage,
  'recycle-bin': RecycleBinPage,
  sessions: SessionsPage,
  password: PasswordPage,
};

/** One access screen in its frame; a screen the role may not see says so. */
export function AccessScreenPage({ screen }: { screen: AccessScreen }) {
  const { t } = useTranslation();
  const allowed = screenAllowed(useMatrix(), screen);
  const Page = PAGES[screen];
  return (
    <AccessShell screen={screen}>
      {allowed ? (
        <Page />
      ) : (
        <p className="muted" data-testid="screen-forbidden">
          {t('access.reason.screen')}
        </p>
      )}
    </AccessShell>
  );
}
