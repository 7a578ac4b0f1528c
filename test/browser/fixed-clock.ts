// Imported first by the screenshot tests: the page's clock starts at a fixed instant (and keeps running),
// so the fixture's times and the card's relative times are the same on every run and the PNGs do not churn.
const FIXED = Date.parse('2026-11-24T15:00:30Z');
const start = performance.now();
Date.now = () => FIXED + Math.floor(performance.now() - start);
