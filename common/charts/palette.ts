/**
 * The chart colours, the same as the web app's style sheet (web/styles.css) so a chart reads the same on
 * screen and in a PDF. Each meets WCAG AA non-text contrast (3:1) against the white card.
 */
export const palette = {
  green: "#0b5d4b",
  grey: "#8a959c",
  track: "#eef1f0",
  ink: "#1f2a30",
  red: "#a4161a",
  amber: "#9a6a00",
  /** The heatmap's cells: a light fill per band with a dark text colour that reads on it (AA). */
  heat: {
    none: { fill: "#f0f2f1", ink: "#4a5560" },
    low: { fill: "#f6c9c9", ink: "#5a0c0e" },
    mid: { fill: "#fbe7b0", ink: "#4d3900" },
    high: { fill: "#bfe3d2", ink: "#063a2f" },
  },
  phases: {
    unaware: "#8c96a0",
    selecting: "#e0a526",
    acting: "#2f7fc1",
    applying: "#0b5d4b",
    continuous: "#6b3fa0",
  },
} as const;
