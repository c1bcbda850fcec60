/** Writing a file the user asked for (`rebalance --csv`, `backtest --csv`): the shells write through this. */
export { writeUserFile } from '../adapters/files/user-files.ts';
