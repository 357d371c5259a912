import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Green of the regency's service counters. Shades chosen for WCAG AA contrast (4.5:1 on white and
// on the light tints), checked by axe-core in the end-to-end tests.
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

const DARK_TEXT: Record<string, string> = {
  teal: '#064e3b', gray: '#343a40', blue: '#1e3a8a', yellow: '#713f12', orange: '#7c2d12', red: '#7f1d1d', green: '#14532d', cyan: '#164e63',
};

/** Light variants (badges, alerts, light buttons) write in a dark shade of their colour; dimmed text is dark grey. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    // Hovered filled buttons darken instead of lightening, so white text keeps 4.5:1.
    '--mantine-color-teal-filled-hover': '#065f46',
    ...Object.fromEntries(Object.entries(DARK_TEXT).map(([c, v]) => [`--mantine-color-${c}-light-color`, v])),
  },
  dark: {},
});
