/** The dashboard's pages, in navigation order. Each reads its own API document. */
import type { JSX } from 'react';
import type { Strings } from '../i18n.ts';
import { Holdings } from './Holdings.tsx';
import { Overview } from './Overview.tsx';
import { Stress } from './Stress.tsx';

export interface PageDef {
  id: string;
  title: (t: Strings) => string;
  component: () => JSX.Element | null;
}

export const PAGES: PageDef[] = [
  { id: 'overview', title: (t) => t.overview, component: Overview },
  { id: 'holdings', title: (t) => t.holdings, component: Holdings },
  { id: 'stress', title: (t) => t.stress, component: Stress },
];
