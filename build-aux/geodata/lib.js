// Shared helpers for the Silk Atlas geodata scripts (see ../make-geodata).
// Plain geometry on lon/lat pairs; no dependencies.
'use strict';

const fs = require('fs');
const path = require('path');

// Frame of interest and the larger clip box (lon0, lat0, lon1, lat1).
const FRAME = [40, 15, 140, 56];
const BOX = [30, 8, 150, 62];

const MEMBERS = ['CN', 'KZ', 'KG', 'TJ', 'TM', 'UZ'];

function roundTo(v, digits) {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r; // no "-0" in the output
}

function roundPt(p, digits) {
  return [roundTo(p[0], digits), roundTo(p[1], digits)];
}

function samePt(a, b) {
  return a[0] === b[0] && a[1] === b[1];
}

// Round a line and drop consecutive duplicate vertices.
function roundLine(line, digits) {
  const out = [];
  for (const p of line) {
    const q = roundPt(p, digits);
    if (!out.length || !samePt(out[out.length - 1], q)) out.push(q);
  }
  return out;
}

// Signed area in degree^2 (shoelace; positive = counter-clockwise in lon/lat).
function signedArea(ring) {
  let a = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return a / 2;
}

// Close a ring, drop consecutive duplicates; returns null when degenerate.
function cleanRing(ring, digits) {
  const r = digits === undefined ? ring.slice() : roundLine(ring, digits);
  if (r.length && !samePt(r[0], r[r.length - 1])) r.push(r[0].slice());
  if (r.length < 4 || signedArea(r) === 0) return null;
  return r;
}

function orient(ring, ccw) {
  const a = signedArea(ring);
  return (a > 0) === ccw ? ring : ring.slice().reverse();
}

// Round a polygon (array of rings) at the wanted precision; a ring that
// collapses is retried with one more digit (up to 4), so that no land is
// lost to rounding. Exterior rings CCW, holes CW (RFC 7946).
function roundPolygon(rings, digits, log) {
  const out = [];
  for (let i = 0; i < rings.length; i++) {
    let r = null;
    for (let d = digits; d <= Math.max(digits, 5) && !r; d++) {
      r = cleanRing(rings[i], d);
      if (r && d !== digits && log) log(`${i ? 'hole' : 'ring'} kept at ${d} decimals`);
    }
    if (!r) {
      if (log) log(`dropped degenerate ${i ? 'hole' : 'ring'}`);
      if (i === 0) return null;
      continue;
    }
    out.push(orient(r, i === 0));
  }
  return out;
}

function roundGeometry(geom, digits, log) {
  if (geom.type === 'Polygon') {
    const p = roundPolygon(geom.coordinates, digits, log);
    return p ? { type: 'Polygon', coordinates: p } : null;
  }
  if (geom.type === 'MultiPolygon') {
    const polys = geom.coordinates.map((p) => roundPolygon(p, digits, log)).filter(Boolean);
    if (!polys.length) return null;
    return polys.length === 1
      ? { type: 'Polygon', coordinates: polys[0] }
      : { type: 'MultiPolygon', coordinates: polys };
  }
  if (geom.type === 'LineString') {
    const l = roundLine(geom.coordinates, digits);
    return l.length >= 2 ? { type: 'LineString', coordinates: l } : null;
  }
  if (geom.type === 'MultiLineString') {
    const ls = geom.coordinates.map((l) => roundLine(l, digits)).filter((l) => l.length >= 2);
    if (!ls.length) return null;
    return ls.length === 1
      ? { type: 'LineString', coordinates: ls[0] }
      : { type: 'MultiLineString', coordinates: ls };
  }
  if (geom.type === 'Point') return { type: 'Point', coordinates: roundPt(geom.coordinates, digits) };
  throw new Error('unsupported geometry ' + geom.type);
}

// Feature with a fixed member order: type, id, properties, geometry.
function feature(id, properties, geometry) {
  const f = { type: 'Feature' };
  if (id !== undefined && id !== null) f.id = id;
  f.properties = properties;
  f.geometry = geometry;
  return f;
}

// Compact JSON, one feature per line.
function writeCollection(file, features) {
  const lines = features.map((f) => JSON.stringify(f));
  const text = '{"type":"FeatureCollection","features":[\n' + lines.join(',\n') + '\n]}\n';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return text.length;
}

function readCollection(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function polygonsOf(geom) {
  if (!geom) return [];
  if (geom.type === 'Polygon') return [geom.coordinates];
  if (geom.type === 'MultiPolygon') return geom.coordinates;
  return [];
}

function linesOf(geom) {
  if (!geom) return [];
  if (geom.type === 'LineString') return [geom.coordinates];
  if (geom.type === 'MultiLineString') return geom.coordinates;
  return [];
}

function pointInRing(pt, ring) {
  const [x, y] = pt;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function pointInPolygon(pt, rings) {
  if (!pointInRing(pt, rings[0])) return false;
  for (let i = 1; i < rings.length; i++) if (pointInRing(pt, rings[i])) return false;
  return true;
}

function pointInGeometry(pt, geom) {
  return polygonsOf(geom).some((p) => pointInPolygon(pt, p));
}

// Local equirectangular distance in km (fine at these scales).
const KM_PER_DEG = 111.195;
function distKm(a, b) {
  const k = Math.cos(((a[1] + b[1]) / 2) * Math.PI / 180);
  const dx = (a[0] - b[0]) * k, dy = a[1] - b[1];
  return Math.hypot(dx, dy) * KM_PER_DEG;
}

// Distance in km from a point to a segment.
function distToSegmentKm(p, a, b) {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const ax = (a[0] - p[0]) * k, ay = a[1] - p[1];
  const bx = (b[0] - p[0]) * k, by = b[1] - p[1];
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 ? -(ax * dx + ay * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(ax + t * dx, ay + t * dy) * KM_PER_DEG;
}

function distToLineKm(p, line) {
  let d = Infinity;
  for (let i = 0; i + 1 < line.length; i++) d = Math.min(d, distToSegmentKm(p, line[i], line[i + 1]));
  return d;
}

function lineLengthKm(line) {
  let s = 0;
  for (let i = 0; i + 1 < line.length; i++) s += distKm(line[i], line[i + 1]);
  return s;
}

function bbox(coords) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  (function walk(c) {
    if (typeof c[0] === 'number') {
      if (c[0] < b[0]) b[0] = c[0];
      if (c[1] < b[1]) b[1] = c[1];
      if (c[0] > b[2]) b[2] = c[0];
      if (c[1] > b[3]) b[3] = c[1];
    } else c.forEach(walk);
  })(coords);
  return b;
}

function boxesOverlap(a, b) {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

// Douglas-Peucker in degrees (planar), keeping the end points.
function simplifyDP(line, tol) {
  if (line.length <= 2) return line.slice();
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack = [[0, line.length - 1]];
  while (stack.length) {
    const [i0, i1] = stack.pop();
    const [ax, ay] = line[i0], [bx, by] = line[i1];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    let best = -1, bi = -1;
    for (let i = i0 + 1; i < i1; i++) {
      const [px, py] = line[i];
      let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (d > best) { best = d; bi = i; }
    }
    if (best > tol) {
      keep[bi] = 1;
      stack.push([i0, bi], [bi, i1]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

// Count vertices of any geometry.
function countVertices(geom) {
  let n = 0;
  (function walk(c) {
    if (typeof c[0] === 'number') n++;
    else c.forEach(walk);
  })(geom.coordinates);
  return n;
}

function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function fail(msg) {
  console.error('make-geodata: ' + msg);
  process.exit(1);
}

module.exports = {
  FRAME, BOX, MEMBERS, roundTo, roundPt, roundLine, signedArea, cleanRing, orient,
  roundPolygon, roundGeometry, feature, writeCollection, readCollection, polygonsOf,
  linesOf, pointInRing, pointInPolygon, pointInGeometry, distKm, distToSegmentKm,
  KM_PER_DEG, distToLineKm, lineLengthKm, bbox, boxesOverlap, simplifyDP, countVertices, slug, fail,
};

// Area in km² of a ring (sinusoidal projection, which is equal-area).
function ringAreaKm2(ring) {
  const p = ring.map(([x, y]) => [x * Math.cos((y * Math.PI) / 180), y]);
  return Math.abs(signedArea(p)) * KM_PER_DEG * KM_PER_DEG;
}
module.exports.ringAreaKm2 = ringAreaKm2;

// Nearest point to p on a polyline (local planar projection).
function nearestOnLine(p, line) {
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best = null, bd = Infinity, bi = -1;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i], b = line[i + 1];
    const ax = (a[0] - p[0]) * k, ay = a[1] - p[1], dx = (b[0] - a[0]) * k, dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    let t = len2 ? -(ax * dx + ay * dy) / len2 : 0;
    t = Math.max(0, Math.min(1, t));
    const q = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const d = distKm(p, q);
    if (d < bd) { bd = d; best = q; bi = i; }
  }
  return { point: best, km: bd, index: bi };
}
module.exports.nearestOnLine = nearestOnLine;
