// Loaded with --import: prints the process's peak resident memory (MB) on stderr as it exits.
process.on('exit', () => process.stderr.write(`\npeak-rss-mb ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`));
