// The results as Markdown tables (printed by the run, copied into the READMEs).
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const n = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : String(x ?? '–'));
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const mark = (ok) => (ok === undefined ? '' : ok ? ' ✅' : ' ❌');

export function markdown(r) {
  const out = [`Machine: ${r.machine}. Load average (1 min) ${r.load.before} before, ${r.load.after} after the run.`, ''];
  if (r.engine) {
    out.push('**Engine** (a fresh process per measurement; fastest of the runs, wall time; CPU = user + system time of the same work; audit = read + adapters + rules + score, parse = the same streaming reader with a no-op sink)', '');
    const rows = [];
    for (const [size, m] of Object.entries(r.engine)) {
      for (const v of [m, m.json].filter(Boolean)) {
        rows.push([n(Number(size)), v.form === 'jsonl' ? 'JSON Lines' : 'JSON', `${v.file_mb} MB`, `${v.audit_s} s`, `${v.load_s} + ${v.report_s} s`, `${v.parse_s} s`,
          `${v.audit_parse_ratio}x`, `${v.audit_parse_cpu_ratio}x`, `${v.peak_mb} MB (parse ${v.parse_peak_mb})`, n(v.events_per_s), String(v.runs)]);
      }
    }
    out.push(table(['events', 'form', 'file', 'audit', 'read+store / report', 'parse only', 'audit/parse', 'audit/parse CPU', 'peak RSS', 'events/s (audit)', 'runs'], rows), '');
    if (r.engine_growth) {
      const g = r.engine_growth;
      out.push(`Growth 100k → 1M events (linear = 10x): audit ${g.jsonl.audit}x (CPU ${g.jsonl.audit_cpu}x), parse ${g.jsonl.parse}x, peak RSS ${g.jsonl.peak}x (JSON Lines); audit ${g.json.audit}x (CPU ${g.json.audit_cpu}x), parse ${g.json.parse}x, peak RSS ${g.json.peak}x (JSON).`, '');
    }
  }
  if (r.hostile) {
    const h = r.hostile;
    out.push(`**Hostile inputs at scale** through the built CLI (peak RSS of the whole process; target < 300 MB for any ${n(h.events)}-event input)`, '');
    const rows = [];
    const peak = (m) => `${m.peak_rss_mb} MB${mark(m.peak_rss_mb < 300)}`;
    const pair = (what, file, c) => {
      const time = (m) => `${m.seconds} s${m.cpu_s >= 0 ? ` (CPU ${m.cpu_s} s)` : ''}`;
      rows.push([`${what}: \`audit --json\``, `${file} MB`, peak(c.audit_json), time(c.audit_json), `exit ${c.audit_json.exit}`]);
      rows.push([`${what}: \`export --out\``, `${file} MB`, peak(c.export_csv), time(c.export_csv), `exit ${c.export_csv.exit}`]);
    };
    if (h.audit_json) pair(`${n(h.events)} unlocks at 02:30, one lock (JSON Lines)`, h.file_mb, h);
    if (h.mixed_jsonl) pair(`${n(h.events)} mixed events, 8 locks, distinct context ids and holders (JSON Lines)`, h.mixed_jsonl.file_mb, h.mixed_jsonl);
    if (h.mixed_json) pair(`${h.mixed_jsonl ? 'the same' : `${n(h.events)} mixed events`} as JSON, events before the registries`, h.mixed_json.file_mb, h.mixed_json);
    for (const [k, m] of Object.entries(h).filter(([k]) => k.startsWith('line_'))) {
      rows.push([`one ${k.slice(5, -2)} MB JSON Lines line`, '', `${m.peak_rss_mb} MB`, `${m.seconds} s`, `exit ${m.exit}${m.stderr ? `: ${m.stderr}` : ''}`]);
    }
    out.push(table(['input', 'file', 'peak RSS', 'time', 'result'], rows), '');
  }
  if (r.bundle) {
    const b = r.bundle;
    out.push(`**Bundle**: the card loads ${n(b.raw)} bytes at startup, ${n(b.gzip)} bytes gzip -9 (${kb(b.gzip)}; ${kb(b.gzip6)} at gzip's default -6)${mark(r.targets.bundle_under_35kb_gzip)} target < 35 KB; each protocol the house's locks speak adds its module (${b.protocol_gzip.length ? `${kb(b.protocol_gzip[0])} to ${kb(b.protocol_gzip.at(-1))}` : 'none'}); ${kb(b.on_demand.gzip)} gzip more on demand, protocols included`, '');
    out.push(table(['file', 'loaded', 'raw', 'gzip -9'], b.files.map((f) => [`\`${f.file}\``, f.loaded, kb(f.raw), kb(f.gzip)])), '');
    out.push(table(['startup code by part', 'modules', 'minified alone', 'share', '≈ gzip in bundle'], b.parts.map((p) => [p.name, String(p.modules), kb(p.minified), `${p.share} %`, kb(p.est_gzip)])), '');
  }
  if (r.card) {
    const c = r.card;
    out.push(c.skipped ? `**Card**: skipped (${c.skipped})` : table(['card in Chromium (20 locks, 30 days)', 'value'], [
      ['`hass` set → first complete render', `${c.first_render_ms} ms median of ${c.runs} pages [${c.first_render_ms_runs.join(', ')}] (${n(c.history_rows)} history rows, ${c.renders_to_ready} renders)`],
      ['renders on 1,000 unrelated `hass` updates', `${c.renders_on_unrelated_updates}${mark(c.renders_on_unrelated_updates === 0)} (control: ${c.renders_on_related_update} render for a watched entity; ${c.unrelated_hass_set_us} µs per set)`],
      ['apply one new lock event (bus → rendered)', `${c.event_apply_ms} ms median, ${c.event_apply_max_ms} ms max (${c.events_applied_visible} visible)`],
    ]), '');
  }
  if (r.live) {
    const l = r.live;
    out.push(l.skipped ? `**Live**: skipped (${l.skipped})` : table(['live on the lab (HA ' + l.ha_version + ')', 'value'], [
      [`websocket messages sent in ${l.idle_minutes} idle min after load`, `${l.ws_messages_idle}${mark(l.ws_messages_idle === 0)} ${JSON.stringify(l.ws_idle_by_type)}`],
      ['sent by the card while loading', `${l.ws_messages_load_card} (${l.subscriptions} subscriptions) ${JSON.stringify(l.ws_load_card_by_type)}`],
      ['meanwhile: frames received / hass updates / updates of watched entities / renders', `${n(l.frames_received_idle)} / ${n(l.hass_updates_idle)} / ${n(l.watched_updates_idle)} / ${l.renders_idle}`],
      ...Object.entries(l.received_idle_by_subscription ?? {}).map(([who, v]) => [`received while idle by ${who}`, `${n(v.messages)} events, ${kb(v.bytes)}`]),
    ]), '');
  }
  return out.join('\n');
}
