// Geometry of a gallery card's small chart (inline SVG: no chart library per card), from group counts.

export interface ThumbGroup {
  key: string;
  label: string;
  color: string;
  count: number;
}

export interface ThumbBar extends ThumbGroup {
  x: number;
  y: number;
  width: number;
  height: number;
  share: number;
}

/** Vertical bars side by side in a width × height box, the tallest reaching the top; a 1px floor for non-empty groups. */
export function thumbnailBars(groups: readonly ThumbGroup[], width: number, height: number, gap = 3): ThumbBar[] {
  const n = groups.length;
  if (n === 0) return [];
  const max = Math.max(1, ...groups.map((g) => g.count));
  const total = groups.reduce((s, g) => s + g.count, 0) || 1;
  const w = Math.max(1, (width - gap * (n - 1)) / n);
  return groups.map((g, i) => {
    const h = g.count > 0 ? Math.max(1, (g.count / max) * height) : 0;
    return { ...g, x: i * (w + gap), y: height - h, width: w, height: h, share: g.count / total };
  });
}

export interface ThumbArc extends ThumbGroup {
  path: string;
  share: number;
}

/** Donut slices (SVG paths) around (cx, cy), starting at 12 o'clock, clockwise. */
export function thumbnailDonut(groups: readonly ThumbGroup[], cx: number, cy: number, r: number, inner: number): ThumbArc[] {
  const total = groups.reduce((s, g) => s + g.count, 0);
  if (total === 0) return [];
  const point = (a: number, radius: number): string => `${(cx + radius * Math.sin(a)).toFixed(2)} ${(cy - radius * Math.cos(a)).toFixed(2)}`;
  let start = 0;
  return groups
    .filter((g) => g.count > 0)
    .map((g) => {
      const share = g.count / total;
      // A full circle cannot be one arc: stop just short of it.
      const end = start + Math.min(share, 0.9999) * 2 * Math.PI;
      const large = end - start > Math.PI ? 1 : 0;
      const path = `M ${point(start, r)} A ${r} ${r} 0 ${large} 1 ${point(end, r)} L ${point(end, inner)} A ${inner} ${inner} 0 ${large} 0 ${point(start, inner)} Z`;
      start += share * 2 * Math.PI;
      return { ...g, path, share };
    });
}
