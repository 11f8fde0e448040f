// Draws the two Teams app icons: color.png (192x192, shield on GOV.UK blue) and
// outline.png (32x32, white shield on transparent, as Teams requires).
// Run with `node manifest/teams/draw-icons.mjs` after changing the shape; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

/** Distance from point p to the segment a-b. */
function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Shape in a -1..1 square: a shield, with a tick cut out of it.
function inShield(x, y) {
  if (y < -0.78 || y > 0.9) return false;
  const half = y <= 0.05 ? 0.7 : 0.7 * Math.sqrt(Math.max(0, 1 - ((y - 0.05) / 0.85) ** 2));
  return Math.abs(x) <= half;
}
function inTick(x, y) {
  const p = [x, y];
  const stroke = 0.12;
  return segmentDistance(p, [-0.34, 0.02], [-0.09, 0.3]) <= stroke || segmentDistance(p, [-0.09, 0.3], [0.36, -0.26]) <= stroke;
}

/** Fraction of a pixel covered, from 4x4 samples, for smooth edges. */
function coverage(px, py, size, scale, test) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = ((px + (sx + 0.5) / 4) - size / 2) / scale;
      const y = ((py + (sy + 0.5) / 4) - size / 2) / scale;
      if (test(x, y)) hits++;
    }
  }
  return hits / 16;
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v * (1 - t) + b[i] * t));
const inMark = (x, y) => inShield(x, y) && !inTick(x, y);

// Colour icon: the shield fills about the middle 96 pixels, as Teams' design guidance asks.
const color = png(192, (x, y) => [...mix(BLUE, WHITE, coverage(x, y, 192, 56, inMark)), 255]);
// Outline icon: white only; the shape is carried by transparency.
const outline = png(32, (x, y) => [...WHITE, Math.round(255 * coverage(x, y, 32, 14.5, inMark))]);

const here = new URL('.', import.meta.url);
writeFileSync(new URL('color.png', here), color);
writeFileSync(new URL('outline.png', here), outline);
