// Writing the shared data (shared-store.ts reads it): loaded with the first change a user makes, not with every
// dashboard. Where HA has no frontend/*_system_data (2025.4), the first save creates the admin-only data dashboard.
import { DATA_DASHBOARD, STORAGE_KEY, type CallWs, type DashboardConfig, type SharedData, type StorageMode } from './shared-store.js';

/** The dashboard that holds the data: hidden from the sidebar, open to admins only, explained on its one view. */
function dashboardConfig(data: SharedData): DashboardConfig {
  return {
    title: 'Lock Sentinel data',
    views: [{ title: 'Lock Sentinel', cards: [{ type: 'markdown', content: 'Lock Sentinel keeps its code registry, checklist and review marks in this dashboard\'s configuration (no PINs). Edit them in the Lock Sentinel card.' }] }],
    [STORAGE_KEY]: data,
  };
}

export async function saveShared(ha: CallWs, mode: StorageMode, data: SharedData): Promise<void> {
  if (mode !== 'dashboard') {
    await ha.callWS({ type: `frontend/set_${mode}_data`, key: STORAGE_KEY, value: data });
    return;
  }
  const dashboards = await ha.callWS<{ url_path: string }[]>({ type: 'lovelace/dashboards/list' });
  if (!dashboards.some((d) => d.url_path === DATA_DASHBOARD)) {
    await ha.callWS({
      type: 'lovelace/dashboards/create', url_path: DATA_DASHBOARD, title: 'Lock Sentinel data', icon: 'mdi:lock-check',
      require_admin: true, show_in_sidebar: false, mode: 'storage',
    });
  }
  await ha.callWS({ type: 'lovelace/config/save', url_path: DATA_DASHBOARD, config: dashboardConfig(data) });
}
