/**
 * A calm palette: teal for the product, red reserved for danger (threats, critical alerts) so it
 * keeps its meaning. Text colours meet WCAG AA contrast on the light background.
 */
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Hebrew", "Noto Sans Arabic", "PingFang SC", "Microsoft YaHei", sans-serif',
  focusRing: 'always',
  respectReducedMotion: true,
});
