// HA's default light and dark theme variables (a subset), set the way HA sets them: inherited custom properties.
export const THEMES = {
  light: {
    '--primary-text-color': '#212121', '--secondary-text-color': '#727272', '--primary-color': '#03a9f4',
    '--card-background-color': '#ffffff', '--divider-color': 'rgba(0, 0, 0, 0.12)', '--error-color': '#db4437',
    '--warning-color': '#ffa600', '--success-color': '#43a047', 'background': '#fafafa',
  },
  dark: {
    '--primary-text-color': '#e1e1e1', '--secondary-text-color': '#9b9b9b', '--primary-color': '#03a9f4',
    '--card-background-color': '#1c1c1c', '--divider-color': 'rgba(225, 225, 225, 0.12)', '--error-color': '#ef5350',
    '--warning-color': '#ffa600', '--success-color': '#66bb6a', 'background': '#111111',
  },
};

export function applyTheme(name: keyof typeof THEMES): void {
  for (const [k, v] of Object.entries(THEMES[name])) document.body.style.setProperty(k, v);
  document.body.style.fontFamily = 'Roboto, Noto, sans-serif';
  document.body.style.margin = '8px';
}
