// Loaded with --import: prints the process's peak resident memory (MB) and CPU time (user + system, s) on stderr as it exits.
process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write(`\npeak-rss-mb ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} cpu-s ${((c.user + c.system) / 1e6).toFixed(1)}\n`); });
