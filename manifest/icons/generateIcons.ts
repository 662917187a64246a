/**
 * Draws the two Teams icons with plain pixel maths and writes them as PNGs:
 *   manifest/color.png    192x192, white figures and an amber upward arrow on a teal square
 *   manifest/outline.png  32x32, the same mark in white on transparent
 * The PNGs are committed; run this again after changing the drawing:
 *   npm run build:server && node dist/manifest/icons/generateIcons.js
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { findProjectRoot } from '../../bot/projectRoot';
import { iconPaths } from '../iconPaths';
import { encodePng, type RgbaImage } from './png';

type Rgba = readonly [number, number, number, number];
/** A shape in unit coordinates: (0,0) is the top-left of the mark's box, (1,1) the bottom-right. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgba;
}

const TEAL: Rgba = [0x0e, 0x7c, 0x7b, 255];
const AMBER: Rgba = [0xf5, 0xb9, 0x42, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];
/** Samples per pixel along each axis: smooth edges without a graphics library. */
const SUPERSAMPLING = 4;

/** The upward arrow: a triangle head on a shaft that rises from between the two figures. */
const arrow: Shape = (x, y) => {
  const head = y >= 0.06 && y <= 0.4 && Math.abs(x - 0.5) <= ((y - 0.06) / 0.34) * 0.25;
  const shaft = x >= 0.425 && x <= 0.575 && y >= 0.39 && y <= 0.95;
  return head || shaft;
};

/** One figure: a round head above dome-shaped shoulders. */
function figure(centreX: number): Shape {
  return (x, y) => {
    const head = (x - centreX) ** 2 + (y - 0.6) ** 2 <= 0.085 ** 2;
    const shoulders = y <= 0.95 && ((x - centreX) / 0.15) ** 2 + ((y - 0.95) / 0.2) ** 2 <= 1;
    return head || shoulders;
  };
}

/** Two figures side by side: the front-line mentor and the executive. */
const figures: Shape = (x, y) => figure(0.19)(x, y) || figure(0.81)(x, y);

export function drawColorIcon(): RgbaImage {
  return render(192, TEAL, 0.16, [
    { shape: figures, color: WHITE },
    { shape: arrow, color: AMBER },
  ]);
}

export function drawOutlineIcon(): RgbaImage {
  return render(32, TRANSPARENT, 0.06, [{ shape: (x, y) => figures(x, y) || arrow(x, y), color: WHITE }]);
}

/** Draws both icons and writes them where the app package takes them from. */
export async function writeIcons(projectRoot: string): Promise<{ color: string; outline: string }> {
  const files = iconPaths(projectRoot);
  await fs.mkdir(path.dirname(files.color), { recursive: true });
  await fs.writeFile(files.color, encodePng(drawColorIcon()));
  await fs.writeFile(files.outline, encodePng(drawOutlineIcon()));
  return files;
}

/** Renders layers over a background; `margin` is the empty border around the mark, as a fraction of the size. */
function render(size: number, background: Rgba, margin: number, layers: Layer[]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const markSize = size * (1 - 2 * margin);
  const offset = size * margin;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let out: [number, number, number, number] = [...background];
      for (const layer of layers) {
        const coverage = coverageOf(layer.shape, (px - offset) / markSize, (py - offset) / markSize, 1 / markSize);
        if (coverage > 0) out = over(layer.color, coverage, out);
      }
      pixels.set(out.map(Math.round), (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** Fraction of the pixel whose top-left corner is (x, y) and whose side is `step` that lies inside the shape. */
function coverageOf(shape: Shape, x: number, y: number, step: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
      if (shape(x + ((sx + 0.5) / SUPERSAMPLING) * step, y + ((sy + 0.5) / SUPERSAMPLING) * step)) inside += 1;
    }
  }
  return inside / SUPERSAMPLING ** 2;
}

/** Porter-Duff "over" with straight (not premultiplied) alpha, so white stays white at soft edges. */
function over(color: Rgba, coverage: number, below: Rgba): [number, number, number, number] {
  const srcA = (color[3] / 255) * coverage;
  const dstA = below[3] / 255;
  const outA = srcA + dstA * (1 - srcA);
  if (outA === 0) return [0, 0, 0, 0];
  const channel = (i: number) => (color[i] * srcA + below[i] * dstA * (1 - srcA)) / outA;
  return [channel(0), channel(1), channel(2), outA * 255];
}

if (require.main === module) {
  writeIcons(findProjectRoot(__dirname))
    .then((files) => console.log(`Wrote ${files.color} and ${files.outline}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
