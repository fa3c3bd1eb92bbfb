/**
 * Pure geometry for the radar (spider) chart of `<lc-results>`: no DOM, so it is tested without
 * a browser fixture and shared by the live chart and its SVG export.
 *
 * Axis 0 points up; the next axes follow clockwise, or anticlockwise when `mirror` is set (a
 * right-to-left layout reads the chart the other way round, like everything else in it).
 */

export interface Point {
  x: number;
  y: number;
}

export interface RadarOptions {
  /** Number of axes (criteria). At least 3 make a radar. */
  axes: number;
  /** The value at the rim. */
  max?: number;
  /** Radius of the rim, in SVG user units. */
  radius?: number;
  /** Room for labels around the rim: horizontal and vertical, in user units. */
  labelRoom?: { inline: number; block: number };
  /** Gap between the rim and a label. */
  labelGap?: number;
  /** Lay the axes out anticlockwise (right-to-left layouts). */
  mirror?: boolean;
}

/** Where a label sits on the page: the side of the chart it is on decides how its text runs. */
export type LabelSide = 'left' | 'right' | 'center';

export interface LabelPlacement {
  side: LabelSide;
  /** `text-anchor` for text that runs left to right (`rtl: false`) or right to left. */
  anchor: 'start' | 'middle' | 'end';
  x: number;
  /** The centre of each line (use `dominant-baseline="central"`). */
  lineY: number[];
}

export interface RadarGeometry {
  width: number;
  height: number;
  cx: number;
  cy: number;
  radius: number;
  max: number;
  axes: number;
  /** The point for `value` on axis `i` (clamped to 0..max). */
  point(i: number, value: number): Point;
  /** The rim end of axis `i`. */
  axisEnd(i: number): Point;
  /** The closed ring at `value` through every axis, as an SVG `points` list. */
  ring(value: number): string;
  /** Placement of a label of `lines` lines for axis `i`. */
  label(i: number, lines: number, rtlText?: boolean, lineHeight?: number): LabelPlacement;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function radarGeometry(options: RadarOptions): RadarGeometry {
  const axes = Math.max(1, Math.floor(options.axes));
  const max = options.max ?? 4;
  const radius = options.radius ?? 150;
  const gap = options.labelGap ?? 14;
  const room = options.labelRoom ?? { inline: 180, block: 64 };
  const sign = options.mirror ? -1 : 1;
  const width = round2(2 * (radius + gap + room.inline));
  const height = round2(2 * (radius + gap + room.block));
  const cx = width / 2;
  const cy = height / 2;
  const angle = (i: number) => (2 * Math.PI * i) / axes;
  const at = (i: number, r: number): Point => ({
    x: round2(cx + sign * r * Math.sin(angle(i))),
    y: round2(cy - r * Math.cos(angle(i))),
  });
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(max, Math.max(0, v)) : 0);
  return {
    width,
    height,
    cx,
    cy,
    radius,
    max,
    axes,
    point: (i, value) => at(i, (clamp(value) / max) * radius),
    axisEnd: (i) => at(i, radius),
    ring: (value) => pointsAttr(Array.from({ length: axes }, (_, i) => at(i, (clamp(value) / max) * radius))),
    label(i, lines, rtlText = false, lineHeight = 14) {
      const { x, y } = at(i, radius + gap);
      const sin = sign * Math.sin(angle(i));
      const cos = Math.cos(angle(i));
      const side: LabelSide = sin > 0.1 ? 'right' : sin < -0.1 ? 'left' : 'center';
      const count = Math.max(1, lines);
      const lineY = Array.from({ length: count }, (_, k) => {
        // Above the chart a block of lines grows upwards, below it downwards, beside it both ways.
        if (side === 'center' && cos > 0) return round2(y - (count - 1 - k) * lineHeight - lineHeight / 2);
        if (side === 'center') return round2(y + k * lineHeight + lineHeight / 2);
        return round2(y + (k - (count - 1) / 2) * lineHeight);
      });
      return { side, anchor: anchorFor(side, rtlText), x, lineY };
    },
  };
}

/**
 * The `text-anchor` that makes a label grow away from the chart: on the right side the text must
 * run rightwards from its anchor, which is its start in left-to-right text and its end in
 * right-to-left text.
 */
export function anchorFor(side: LabelSide, rtlText: boolean): 'start' | 'middle' | 'end' {
  if (side === 'center') return 'middle';
  const growsRight = side === 'right';
  return growsRight !== rtlText ? 'start' : 'end';
}

export function pointsAttr(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

/**
 * An SVG path through the values, one per axis. A missing value (null: no figures, or hidden to
 * protect anonymity) breaks the line rather than pretending to be zero; with every value present
 * the path is closed. Returns '' when fewer than two neighbouring values exist.
 */
export function radarPath(geometry: RadarGeometry, values: ReadonlyArray<number | null | undefined>): string {
  const n = geometry.axes;
  const has = (i: number) => values[((i % n) + n) % n] != null;
  if (values.length !== n) throw new RangeError(`radarPath needs ${n} values, got ${values.length}`);
  const fmt = (i: number) => {
    const p = geometry.point(i % n, values[i % n] as number);
    return `${p.x} ${p.y}`;
  };
  if (Array.from({ length: n }, (_, i) => i).every(has)) {
    return `M${Array.from({ length: n }, (_, i) => fmt(i)).join(' L')} Z`;
  }
  // Start each run just after a gap, so a run that wraps past the last axis stays one line.
  const parts: string[] = [];
  for (let start = 0; start < n; start++) {
    if (!has(start) || has(start - 1)) continue;
    let end = start;
    while (has(end + 1) && end + 1 < start + n) end++;
    if (end > start) {
      const run: string[] = [];
      for (let i = start; i <= end; i++) run.push(fmt(i));
      parts.push(`M${run.join(' L')}`);
    }
  }
  return parts.join(' ');
}

/**
 * Breaks a label into at most `maxLines` lines of about `maxChars` characters, at spaces. A word
 * longer than a line keeps its own line; text beyond the last line ends in an ellipsis (the full
 * title is in the table and in each point's accessible name).
 */
export function wrapLabel(text: string, maxChars = 18, maxLines = 3): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (!current) current = word;
    else if (current.length + 1 + word.length <= maxChars) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}
