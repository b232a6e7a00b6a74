// lakes.geojson from GSHHG high-resolution lakes (level 2, no river-lakes)
// with islands in them (level 3) as holes. Input: the text of
//   gmt coast -R25/155/3/67 -Dh -A300/2/3+l -W -M
// (region larger than the box so that lakes crossing the box stay whole).
// Usage: node lakes.js DUMP.txt OUTDIR
'use strict';

const path = require('path');
const lib = require('./lib');
const names = require('./names');
const gmt = require('./gmtdump');

const [DUMP, OUT] = process.argv.slice(2);
if (!DUMP || !OUT) lib.fail('usage: lakes.js DUMP OUTDIR');

const DIGITS = 4;
const SIMPLIFY_DEG = 0.001; // Douglas-Peucker tolerance (~100 m), below GSHHG-h resolution

// Named lakes: a test point well inside the water of exactly one lake.
// `exclude` drops a lake from the output, with the reason.
const NAMES = [
  { id: 'caspian-sea', name: 'Caspian Sea', kind: 'sea', at: [50.67, 41.92] },
  { id: 'aral-sea', name: 'Aral Sea', at: [59.7, 44.81],
    exclude: 'GSHHG/WDBII has the pre-1960s shoreline (~67,000 km²); the sea has since mostly dried up' },
  { id: 'baikal', name: 'Lake Baikal', at: [105.5, 51.84] },
  { id: 'balkhash', name: 'Lake Balkhash', at: [74.47, 46.28] },
  { id: 'issyk-kul', name: 'Issyk-Kul', at: [77.36, 42.42] },
  { id: 'qinghai-lake', name: 'Qinghai Lake', at: [100.15, 36.9] },
  { id: 'zaysan', name: 'Lake Zaysan', at: [84.23, 47.91] },
  { id: 'alakol', name: 'Alakol', at: [81.71, 46.16] },
  { id: 'sasykkol', name: 'Sasykkol', at: [81.01, 46.57] },
  { id: 'bosten', name: 'Bosten Lake', at: [86.98, 41.99] },
  { id: 'khanka', name: 'Lake Khanka', at: [132.45, 45.07] },
  { id: 'hulun', name: 'Hulun Lake', at: [117.34, 48.9] },
  { id: 'van', name: 'Lake Van', at: [42.72, 38.63] },
  { id: 'urmia', name: 'Lake Urmia', at: [45.53, 37.46] },
  { id: 'sevan', name: 'Lake Sevan', at: [45.39, 40.28] },
  { id: 'kapchagay', name: 'Kapchagay Reservoir', at: [77.49, 43.84] },
  { id: 'karakul', name: 'Karakul', at: [73.38, 39.07] },
  { id: 'shardara', name: 'Shardara Reservoir', at: [68.18, 41.13] },
  { id: 'kayrakkum', name: 'Kayrakkum Reservoir', at: [70.23, 40.34] },
  { id: 'tengiz', name: 'Lake Tengiz', at: [68.9, 50.31] },
  { id: 'markakol', name: 'Markakol', at: [85.77, 48.73] },
  { id: 'ebinur', name: 'Ebinur Lake', at: [83.0, 44.86] },
  { id: 'ulungur', name: 'Ulungur Lake', at: [87.22, 47.24] },
  { id: 'uvs', name: 'Uvs Lake', at: [92.73, 50.3] },
  { id: 'khyargas', name: 'Khyargas Lake', at: [93.21, 49.19] },
  { id: 'khovsgol', name: 'Khövsgöl Lake', at: [100.52, 51.22] },
  { id: 'chany', name: 'Lake Chany', at: [77.54, 54.92] },
  { id: 'nam-co', name: 'Nam Co', at: [90.46, 30.69] },
  { id: 'siling-co', name: 'Siling Co', at: [89.09, 31.79] },
  { id: 'tai-lake', name: 'Lake Tai', at: [120.15, 31.16] },
  { id: 'hongze', name: 'Hongze Lake', at: [118.7, 33.28] },
  { id: 'tuz', name: 'Lake Tuz', at: [33.31, 38.77] },
  { id: 'dead-sea', name: 'Dead Sea', at: [35.48, 31.44] },
  { id: 'tharthar', name: 'Lake Tharthar', at: [43.3, 33.9] },
  { id: 'ladoga', name: 'Lake Ladoga', at: [31.63, 60.8] },
  { id: 'onega', name: 'Lake Onega', at: [35.29, 61.76] },
  { id: 'tana', name: 'Lake Tana', at: [37.31, 12.01] },
  { id: 'tonle-sap', name: 'Tonlé Sap', at: [103.93, 13.04] },
];

const segs = gmt.readSegments(DUMP);
const lakes = gmt.joinRings(segs.filter((s) => s.level === 2).map((s) => s.points));
const isles = gmt.joinRings(segs.filter((s) => s.level === 3).map((s) => s.points));

for (const o of lakes.open.concat(isles.open)) {
  if (lib.boxesOverlap(lib.bbox(o), lib.BOX)) {
    lib.fail(`lake shoreline that does not close near ${o[0]} (widen the dump region)`);
  }
}

let list = lakes.rings
  .map((ring) => ({ ring, bbox: lib.bbox(ring), area: lib.ringAreaKm2(ring), holes: [] }))
  .filter((l) => lib.boxesOverlap(l.bbox, lib.BOX));

for (const isle of isles.rings) {
  const host = list.filter((l) => lib.pointInRing(isle[0], l.ring));
  if (host.length === 1) host[0].holes.push(isle);
}

for (const n of NAMES) {
  const hits = list.filter((l) => lib.pointInPolygon(n.at, [l.ring].concat(l.holes)));
  if (hits.length !== 1) lib.fail(`lake ${n.id}: test point ${n.at} is in ${hits.length} lakes`);
  if (hits[0].named) lib.fail(`lake ${n.id}: already named ${hits[0].named.id}`);
  hits[0].named = n;
}

const excluded = list.filter((l) => l.named && l.named.exclude);
list = list.filter((l) => !(l.named && l.named.exclude));
list.sort((a, b) => b.area - a.area || a.bbox[0] - b.bbox[0]);

// numeric sanity checks of the brief
const byId = (id) => list.find((l) => l.named && l.named.id === id);
const ik = byId('issyk-kul');
const ikc = [(ik.bbox[0] + ik.bbox[2]) / 2, (ik.bbox[1] + ik.bbox[3]) / 2];
if (Math.abs(ikc[0] - 77.25) > 0.3 || Math.abs(ikc[1] - 42.45) > 0.2) lib.fail(`Issyk-Kul centred at ${ikc}`);
const cs = byId('caspian-sea');
if (cs.area < 350000 || cs.bbox[1] > 37 || cs.bbox[3] < 47) lib.fail('Caspian outline incomplete');

const features = [];
let nv = 0;
for (const l of list) {
  const rings = [l.ring].concat(l.holes).map((r) => lib.simplifyDP(r, SIMPLIFY_DEG));
  const poly = lib.roundPolygon(rings, DIGITS, (m) => console.log(`  lake ${l.named ? l.named.id : '?'}: ${m}`));
  if (!poly) lib.fail('a lake vanished while simplifying');
  for (const r of poly) {
    if (r.length < 4 || !lib.roundPt(r[0], 9).every((v, i) => v === r[r.length - 1][i])) lib.fail('ring not closed');
    if (lib.signedArea(r) === 0) lib.fail('degenerate ring');
  }
  const geom = { type: 'Polygon', coordinates: poly };
  nv += lib.countVertices(geom);
  const n = l.named;
  features.push(lib.feature(n ? n.id : undefined, {
    name: n ? names.byId(n.id, n.name) : null,
    kind: n && n.kind ? n.kind : 'lake',
  }, geom));
}

lib.writeCollection(path.join(OUT, 'lakes.geojson'), features);
console.log(`lakes: ${features.length} lakes (${features.filter((f) => f.id).length} named), ${nv} vertices; ` +
  `Caspian ${Math.round(cs.area)} km², Issyk-Kul ${Math.round(ik.area)} km² centred ${ikc.map((v) => v.toFixed(2))}`);
for (const l of excluded) console.log(`  left out ${l.named.id}: ${l.named.exclude}`);
