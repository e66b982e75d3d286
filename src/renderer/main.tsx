/** Entry point of the renderer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { adoptTokenFromUrl, isElectron } from './api.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

// Browser mode: the token leaves the address bar before anything else runs.
if (!isElectron()) adoptTokenFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('Plenary: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
