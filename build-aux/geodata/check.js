// Check every data/geo file (RFC 7946 shape, one feature per line, closed and
// correctly wound rings, unique ids) and print sizes and vertex counts.
// Usage: node check.js OUTDIR
'use strict';

const fs = require('fs');
const path = require('path');
const lib = require('./lib');

const OUT = process.argv[2] || lib.fail('usage: check.js OUTDIR');
const FILES = [
  'countries.geojson', 'countries-medium.geojson', 'countries-coarse.geojson',
  'borders.geojson', 'borders-medium.geojson', 'borders-coarse.geojson',
  'lakes.geojson', 'rivers.geojson', 'places.geojson', 'routes.geojson',
];

let total = 0;
const problems = [];
for (const name of FILES) {
  const file = path.join(OUT, name);
  const text = fs.readFileSync(file, 'utf8');
  const fc = JSON.parse(text);
  const lines = text.split('\n');
  if (fc.type !== 'FeatureCollection' || 'crs' in fc) problems.push(`${name}: not a plain FeatureCollection`);
  if (lines.length !== fc.features.length + 3) problems.push(`${name}: not one feature per line`);
  const ids = new Set();
  let nv = 0;
  fc.features.forEach((f, i) => {
    const where = `${name}:${i + 2}`;
    if (f.type !== 'Feature' || !f.geometry || !f.properties) problems.push(`${where}: bad feature`);
    if (f.id !== undefined) {
      if (ids.has(f.id)) problems.push(`${where}: duplicate id ${f.id}`);
      ids.add(f.id);
    }
    nv += lib.countVertices(f.geometry);
    for (const poly of lib.polygonsOf(f.geometry)) {
      poly.forEach((r, k) => {
        const a = r[0], b = r[r.length - 1];
        if (r.length < 4 || a[0] !== b[0] || a[1] !== b[1]) problems.push(`${where}: open ring`);
        const s = lib.signedArea(r);
        if (s === 0 || (s > 0) !== (k === 0)) problems.push(`${where}: ring ${k} wound wrongly`);
      });
    }
    (function walk(c) {
      if (typeof c[0] === 'number') {
        if (c.length !== 2 || c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90) problems.push(`${where}: bad position ${c}`);
      } else c.forEach(walk);
    })(f.geometry.coordinates);
  });
  total += text.length;
  console.log(`  ${name.padEnd(26)} ${String(fc.features.length).padStart(4)} features ${String(nv).padStart(7)} vertices ${(text.length / 1024).toFixed(0).padStart(6)} KiB`);
}
console.log(`  total ${(total / 1048576).toFixed(2)} MiB`);
if (problems.length) lib.fail('check failed:\n  ' + problems.slice(0, 30).join('\n  '));
if (total > 8 * 1048576) lib.fail('data/geo is over 8 MiB');
