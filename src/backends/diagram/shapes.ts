/** A point in the diagram's user units (top-left origin). */
export interface Point {
  x: number;
  y: number;
}

/**
 * What the structure diagram draws, shape by shape, in SVG user units (top-left origin): the
 * one description of its look, which the SVG (svg.ts) writes out and the PDF draws directly.
 * Shapes are plain — boxes, one-line texts, polylines, filled triangles — so every backend can
 * draw them alike; groups carry the ids the SVG gives its parts.
 */
export interface Drawing {
  width: number;
  height: number;
  /** Painted in order, later over earlier. */
  items: DrawingItem[];
}

export type DrawingItem = DrawnBox | DrawnText | DrawnLines | DrawnTriangle | DrawnGroup;

export interface DrawnBox {
  kind: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dashed: boolean;
}

export interface DrawnText {
  kind: 'text';
  text: string;
  /** Where the line starts, or its middle when `anchor` is 'middle'. */
  x: number;
  baseline: number;
  size: number;
  bold: boolean;
  italic: boolean;
  anchor: 'start' | 'middle';
  fill: string;
}

/** Open polylines stroked together, so a stretch they share is drawn once. */
export interface DrawnLines {
  kind: 'lines';
  lines: Point[][];
  stroke: string;
  strokeWidth: number;
}

/** An arrowhead. */
export interface DrawnTriangle {
  kind: 'triangle';
  points: [Point, Point, Point];
  fill: string;
}

export interface DrawnGroup {
  kind: 'group';
  id: string;
  className: string;
  /** For the accountability lines: the body they lead to and the groups they come from. */
  edges?: { target: string; sources: string[] };
  items: DrawingItem[];
}
