// Preloaded by bench/cli.bench.ts (`node --import`) to report the process's peak resident memory on stderr at exit.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
