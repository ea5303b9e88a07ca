import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './styles.css';
import './i18n/index.js';
import { App } from './app/App.js';
import { LocaleProvider } from './app/LocaleProvider.js';
import { SessionProvider } from './app/session.js';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <SessionProvider>
            <App />
          </SessionProvider>
        </LocaleProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
