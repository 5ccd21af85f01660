// Light or dark: follows the Office theme's body background when Office tells it.

export type ThemeName = 'light' | 'dark';

/** `#1f1f1f` → dark, `#ffffff` → light; anything unreadable → light. */
export function themeFromBackground(color: string | null | undefined): ThemeName {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!match) return 'light';
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  // Relative luminance (sRGB, ITU-R BT.709 weights, gamma left out: good enough for a light/dark split).
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}
