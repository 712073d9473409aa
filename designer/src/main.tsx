import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { i18n } from './i18n/i18n.js';
import { ApiProvider } from './api/api-context.js';
import { createHttpApiClient } from './api/http-api-client.js';
import { App } from './app/app.js';
import { AuthGate } from './access/auth-gate.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiProvider client={createHttpApiClient()}>
          <AuthGate>
            <App />
          </AuthGate>
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>,
  );
