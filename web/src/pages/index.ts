/** The dashboard's pages, in navigation order. Each reads its own API document. */
import type { JSX } from 'react';
import type { Strings } from '../i18n.ts';
import { Backtest } from './Backtest.tsx';
import { Holdings } from './Holdings.tsx';
import { Journal } from './Journal.tsx';
import { Overview } from './Overview.tsx';
import { Rebalance } from './Rebalance.tsx';
import { Signals } from './Signals.tsx';
import { Stress } from './Stress.tsx';

export interface PageDef {
  id: string;
  title: (t: Strings) => string;
  component: () => JSX.Element | null;
}

export const PAGES: PageDef[] = [
  { id: 'overview', title: (t) => t.overview, component: Overview },
  { id: 'holdings', title: (t) => t.holdings, component: Holdings },
  { id: 'rebalance', title: (t) => t.rebalance, component: Rebalance },
  { id: 'backtest', title: (t) => t.backtest, component: Backtest },
  { id: 'stress', title: (t) => t.stress, component: Stress },
  { id: 'signals', title: (t) => t.signals, component: Signals },
  { id: 'journal', title: (t) => t.journal, component: Journal },
];
