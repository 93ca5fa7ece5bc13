/** Entry point of the web app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { Root } from './app/app';

const el = document.getElementById('root');
if (!el) throw new Error('#root missing in index.html');
createRoot(el).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
