import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The Korean web font ships with the dashboard (OFL-1.1): regular and bold, Hangul in unicode-range slices the
// browser fetches only as the page needs them, so no page depends on the fonts installed on the machine.
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
