/** Entry point of the web console. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './api/queryClient.ts';
import { I18nProvider } from './locales/index.tsx';
import { ConsoleApp } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ConsoleApp />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
