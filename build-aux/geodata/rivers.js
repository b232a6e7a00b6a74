// rivers.geojson from WDBII rivers as shipped with GSHHG: classes 1
// (permanent major rivers) and 2 (additional major rivers). Input: the text of
//   gmt coast -R30/150/8/62 -Dh -I1 -I2 -M
// Pieces are joined where exactly two meet, simplified and rounded.
// Names are attached only where anchor towns confirm them (see ANCHORS);
// everything else has "name": null.
// Usage: node rivers.js DUMP.txt OUTDIR
'use strict';

const path = require('path');
const lib = require('./lib');
const translated = require('./names');
const gmt = require('./gmtdump');

const [DUMP, OUT] = process.argv.slice(2);
if (!DUMP || !OUT) lib.fail('usage: rivers.js DUMP OUTDIR');

const DIGITS = 3;
const SIMPLIFY_DEG = 0.01; // Douglas-Peucker tolerance (~1 km)
const MIN_KM = 3; // drop fragments shorter than this

// Names: a line gets a river's name when at least two of that river's anchor
// towns (places on its banks) lie within ANCHOR_KM of it. WDBII tributaries
// are not snapped to their main stem, so joined lines rarely run past a
// confluence; a stretch with fewer than two anchors stays "name": null.
// (Amu Darya and Ili: no anchor pairs found that confirm a line, so unnamed.)
const ANCHOR_KM = 4;
const ANCHORS = {
  'Syr Darya': [[69.62, 40.28], [69.27, 40.22], [68.77, 40.94], [66.75, 44.17], [65.51, 44.85],
    [63.31, 45.62], [62.1, 45.76]],
  'Irtysh': [[82.61, 49.95], [80.25, 50.41], [76.95, 52.29], [73.37, 54.99], [74.37, 56.9], [68.25, 58.2]],
  'Yellow River': [[103.84, 36.06], [106.8, 39.67], [110.3, 35.0], [117.0, 36.67], [118.0, 37.38], [118.5, 37.45]],
  'Yangtze': [[104.64, 28.77], [105.44, 28.87], [106.55, 29.56], [108.39, 30.81], [111.28, 30.69],
    [112.24, 30.33], [113.13, 29.36], [114.3, 30.58], [116.0, 29.71], [117.05, 30.52], [118.38, 31.33],
    [118.77, 32.05], [119.45, 32.2], [120.86, 32.0]],
};

const segs = gmt.readSegments(DUMP);
const lines = gmt.joinLines(segs.map((s) => s.points))
  .map((l) => lib.simplifyDP(l, SIMPLIFY_DEG))
  .map((l) => lib.roundLine(l, DIGITS))
  .filter((l) => l.length >= 2 && lib.lineLengthKm(l) >= MIN_KM);

const names = new Array(lines.length).fill(null);

for (const [name, anchors] of Object.entries(ANCHORS)) {
  lines.forEach((l, i) => {
    const n = anchors.filter((p) => lib.distToLineKm(p, l) <= ANCHOR_KM).length;
    if (n < 2) return;
    if (names[i] && names[i] !== name) lib.fail(`river line named both ${names[i]} and ${name}`);
    names[i] = name;
  });
}

const features = lines.map((l, i) => lib.feature(undefined, { name: names[i] && translated.river(names[i]), kind: 'river' },
  { type: 'LineString', coordinates: l }));
const size = lib.writeCollection(path.join(OUT, 'rivers.geojson'), features);
const nv = lines.reduce((s, l) => s + l.length, 0);
const named = [...new Set(names.filter(Boolean))].map((n) => `${n} ${names.filter((x) => x === n).length}`);
console.log(`rivers: ${features.length} lines, ${nv} vertices, ${size} bytes; named lines: ${named.join(', ')}`);
if (size > 1.5e6) lib.fail('rivers.geojson over 1.5 MB: raise SIMPLIFY_DEG');
