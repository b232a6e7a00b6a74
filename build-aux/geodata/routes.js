// routes.geojson: schematic alignments of the projects. The exact tracks are
// not public: the lines are drawn through the places the projects name, along
// plausible valleys (hand-placed way-points, or a line kept a few km off a
// river border), and are marked "alignment": "approximate".
// Needs countries.geojson, borders.geojson, lakes.geojson and places.geojson
// in OUTDIR. Every vertex, and every point ~0.5 km apart along each segment,
// is checked to lie in the route's countries and in no lake.
// Usage: node routes.js OUTDIR
'use strict';

const path = require('path');
const lib = require('./lib');

const OUT = process.argv[2] || lib.fail('usage: routes.js OUTDIR');
const read = (f) => lib.readCollection(path.join(OUT, f)).features;
const countries = read('countries.geojson');
const borders = read('borders.geojson');
const lakes = read('lakes.geojson');
const places = new Map(read('places.geojson').map((f) => [f.id, f]));

const DIGITS = 3;
const MAX_SEG_KM = 12; // densify: vertices at most this far apart
const SAMPLE_KM = 0.5; // validation step along segments
const PASS_SLACK_KM = 2; // a route may touch the far side of the border this close to a pass

// Step kinds: [lon, lat] way-point; {place: id}; {tunnel: [[lon, lat], [lon, lat]]}
// (two way-points that are the portals of a tunnel on this line);
// {along: 'border', countries: [a, b], side: c, from, to, offsetKm}: follow a
// border river offsetKm inside country c.
const ROUTES = [
  {
    id: 'cku-railway',
    name: 'China–Kyrgyzstan–Uzbekistan railway',
    mode: 'railway',
    countries: ['CN', 'KG', 'UZ'],
    steps: [
      { place: 'kashgar' },
      [75.93, 39.6], [75.86, 39.72], [75.78, 39.84], [75.7, 39.96], [75.62, 40.08],
      [75.56, 40.2], [75.52, 40.32], [75.48, 40.44], [75.45, 40.53],
      { place: 'torugart-pass' },
      // north-west down to the Arpa valley, then along the north-east foot of
      // the Fergana Range through the Kosh-Döbö / Makmal area
      [75.36, 40.66], [75.27, 40.72], [75.17, 40.77], [75.07, 40.82], [74.95, 40.87],
      [74.82, 40.93], [74.68, 40.99], [74.54, 41.05], [74.4, 41.11], [74.26, 41.17],
      [74.12, 41.22], [74.0, 41.27],
      // across the Fergana Range (tunnel), then down towards Jalal-Abad
      { tunnel: [[73.86, 41.3], [73.72, 41.24]] },
      [73.6, 41.16], [73.48, 41.08], [73.36, 41.01], [73.22, 40.97], [73.1, 40.95],
      { place: 'jalal-abad' },
      [72.88, 40.89], [72.75, 40.86], [72.62, 40.83], [72.48, 40.8],
      { place: 'andijan' },
    ],
  },
  {
    id: 'barskoon-karakol',
    name: 'Barskoon–Karakol highway',
    mode: 'highway',
    countries: ['KG'],
    steps: [
      { place: 'barskoon' },
      // A363 along the south shore, through Kyzyl-Suu, then north-east to Karakol
      [77.68, 42.175], [77.76, 42.215], [77.83, 42.27], [77.89, 42.315], [77.95, 42.335],
      [78.01, 42.345], [78.08, 42.38], [78.15, 42.42], [78.22, 42.45], [78.3, 42.475],
      { place: 'karakol' },
    ],
  },
  {
    id: 'barskoon-bedel',
    name: 'Barskoon–Bedel highway',
    mode: 'highway',
    countries: ['KG'],
    steps: [
      { place: 'barskoon' },
      // up the Barskoon valley, over the Barskoon pass to the Arabel plateau,
      // past the Kumtor area, then south-east up the Bedel valley
      [77.62, 42.1], [77.64, 42.03], [77.66, 41.97], [77.7, 41.93], [77.8, 41.89],
      [77.92, 41.85], [78.05, 41.85], [78.18, 41.86], [78.22, 41.76], [78.25, 41.66],
      [78.28, 41.56], [78.32, 41.47], [78.37, 41.43],
      { place: 'bedel-pass' },
    ],
  },
  {
    id: 'china-tajikistan-highway',
    name: 'China–Tajikistan highway',
    mode: 'highway',
    countries: ['TJ'],
    steps: [
      { place: 'dushanbe' },
      [68.92, 38.5], [69.05, 38.42], [69.15, 38.32], [69.24, 38.2], [69.34, 38.1],
      [69.47, 38.02], [69.62, 37.95],
      { place: 'kulob' },
      [69.92, 37.87], [70.05, 37.84], [70.12, 37.9], [70.17, 37.95],
      // along the Panj on the Tajik bank: Qalaikhumb, Vanj, Rushan
      { along: 'border', countries: ['AF', 'TJ'], side: 'TJ', from: [70.25, 37.98], to: [71.51, 37.52], offsetKm: 2 },
      { place: 'khorog' },
      // Pamir Highway up the Gunt valley, over the Koi-Tezek pass, Alichur
      [71.68, 37.53], [71.82, 37.55], [71.98, 37.56], [72.15, 37.56], [72.32, 37.57],
      [72.48, 37.57], [72.6, 37.58], [72.75, 37.62], [72.9, 37.68], [73.05, 37.73],
      [73.2, 37.75], [73.35, 37.76], [73.5, 37.77], [73.66, 37.77], [73.78, 37.88],
      [73.88, 38.02],
      { place: 'murghab' },
      [74.1, 38.18], [74.25, 38.18], [74.4, 38.17], [74.55, 38.16], [74.68, 38.15],
      { place: 'kulma-pass' },
    ],
  },
];

const TUNNEL = {
  id: 'fergana-tunnel', parent: 'cku-railway', name: 'Fergana Tunnel', minKm: 3, maxKm: 15,
};

// ---------------------------------------------------------------------------

const countryGeom = (id) => {
  const f = countries.find((c) => c.id === id);
  if (!f) lib.fail(`no country ${id}`);
  return f.geometry;
};
const inLake = (p) => lakes.some((l) => lib.pointInGeometry(p, l.geometry));

function resample(line, stepKm) {
  const out = [line[0]];
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i], b = line[i + 1];
    const n = Math.max(1, Math.ceil(lib.distKm(a, b) / stepKm));
    for (let j = 1; j <= n; j++) out.push([a[0] + ((b[0] - a[0]) * j) / n, a[1] + ((b[1] - a[1]) * j) / n]);
  }
  return out;
}

// Piece of `line` between the points nearest to `from` and `to`.
function slice(line, from, to) {
  const a = lib.nearestOnLine(from, line), b = lib.nearestOnLine(to, line);
  if (a.index <= b.index) return [a.point].concat(line.slice(a.index + 1, b.index + 1), [b.point]);
  return [a.point].concat(line.slice(b.index + 1, a.index + 1).reverse(), [b.point]);
}

// Keep a line offsetKm to the side where ok(point) holds.
function offsetLine(line, offsetKm, ok) {
  const pts = resample(line, 1);
  const out = [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i], a = pts[Math.max(0, i - 3)], b = pts[Math.min(pts.length - 1, i + 3)];
    const k = Math.cos((p[1] * Math.PI) / 180);
    let tx = (b[0] - a[0]) * k, ty = b[1] - a[1];
    const len = Math.hypot(tx, ty) || 1;
    tx /= len; ty /= len;
    let q = null;
    for (let d = offsetKm; d >= offsetKm / 4 && !q; d /= 2) {
      for (const s of [1, -1]) {
        const c = [p[0] + (-ty * s * d) / lib.KM_PER_DEG / k, p[1] + (tx * s * d) / lib.KM_PER_DEG];
        if (ok(c)) { q = c; break; }
      }
    }
    if (q) out.push(q);
  }
  // smooth the kinks that offsetting leaves in tight bends
  const sm = out.map((p, i) => {
    const w = out.slice(Math.max(0, i - 2), i + 3);
    return [w.reduce((s, v) => s + v[0], 0) / w.length, w.reduce((s, v) => s + v[1], 0) / w.length];
  }).filter(ok);
  return safeSimplify(sm, 0.004, ok);
}

// Douglas-Peucker that also keeps a vertex wherever the shortcut would leave
// the allowed area.
function safeSimplify(pts, tol, ok) {
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i0, i1] = stack.pop();
    if (i1 - i0 < 2) continue;
    const sub = pts.slice(i0, i1 + 1);
    const dp = lib.simplifyDP(sub, tol);
    const shortcutOk = resample([pts[i0], pts[i1]], SAMPLE_KM).every(ok);
    if (dp.length === 2 && shortcutOk) continue;
    const mid = (i0 + i1) >> 1;
    let split = mid;
    if (dp.length > 2) split = i0 + sub.indexOf(dp[1]);
    keep[split] = 1;
    stack.push([i0, split], [split, i1]);
  }
  return pts.filter((_, i) => keep[i]);
}

function alongBorder(step) {
  const b = borders.find((f) => f.properties.kind === 'border' &&
    f.properties.countries.join() === step.countries.slice().sort().join());
  if (!b) lib.fail(`no border ${step.countries}`);
  const line = lib.linesOf(b.geometry)
    .map((l) => ({ l, d: lib.distToLineKm(step.from, l) + lib.distToLineKm(step.to, l) }))
    .sort((x, y) => x.d - y.d)[0].l;
  const side = countryGeom(step.side);
  return offsetLine(slice(line, step.from, step.to), step.offsetKm,
    (p) => lib.pointInGeometry(p, side) && !inLake(p));
}

function buildRoute(r) {
  const line = [];
  const fixed = new Set(); // indexes of vertices that must not be rounded further
  const via = [];
  let tunnel = null;
  const push = (p, keep) => {
    if (line.length && lib.distKm(line[line.length - 1], p) < 0.05) return;
    line.push(p);
    if (keep) fixed.add(line.length - 1);
  };
  for (const s of r.steps) {
    if (Array.isArray(s)) push(s);
    else if (s.place) {
      const f = places.get(s.place) || lib.fail(`${r.id}: no place ${s.place}`);
      push(f.geometry.coordinates, true);
      via.push(s.place);
    } else if (s.tunnel) {
      push(s.tunnel[0]);
      const start = line.length - 1;
      push(s.tunnel[1]);
      tunnel = [start, line.length - 1];
    } else if (s.along === 'border') alongBorder(s).forEach((p) => push(p));
    else lib.fail(`${r.id}: bad step ${JSON.stringify(s)}`);
  }
  // densify, keeping track of the tunnel portals
  const dense = [line[0]];
  let t0 = 0, t1 = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const seg = resample([line[i], line[i + 1]], MAX_SEG_KM).slice(1);
    dense.push(...seg);
    if (tunnel && i + 1 === tunnel[0]) t0 = dense.length - 1;
    if (tunnel && i + 1 === tunnel[1]) t1 = dense.length - 1;
  }
  const coords = dense.map((p) => {
    const isPlace = [...places.values()].some((f) => f.geometry.coordinates[0] === p[0] && f.geometry.coordinates[1] === p[1]);
    return isPlace ? p : lib.roundPt(p, DIGITS);
  });
  return { coords, via, tunnel: tunnel ? [t0, t1] : null };
}

function validate(r, coords) {
  const geoms = r.countries.map(countryGeom);
  const passes = r.via.map((v) => places.get(v)).filter((f) => f.properties.kind === 'pass')
    .map((f) => f.geometry.coordinates);
  const bad = [];
  const check = (p) => {
    const nearPass = passes.some((q) => lib.distKm(p, q) <= PASS_SLACK_KM);
    if (!nearPass && !geoms.some((g) => lib.pointInGeometry(p, g))) bad.push(`${p.map((v) => v.toFixed(3))} outside ${r.countries}`);
    if (inLake(p)) bad.push(`${p.map((v) => v.toFixed(3))} in a lake`);
  };
  for (let i = 0; i + 1 < coords.length; i++) {
    resample([coords[i], coords[i + 1]], SAMPLE_KM).slice(0, -1).forEach(check);
  }
  check(coords[coords.length - 1]);
  if (bad.length) lib.fail(`${r.id}:\n  ` + [...new Set(bad)].slice(0, 20).join('\n  '));
}

const features = [];
for (const r of ROUTES) {
  const { coords, via, tunnel } = buildRoute(r);
  r.via = via;
  validate(r, coords);
  features.push(lib.feature(r.id, { name: r.name, mode: r.mode, alignment: 'approximate', via },
    { type: 'LineString', coordinates: coords }));
  const km = lib.lineLengthKm(coords);
  let note = '';
  if (r.id === 'barskoon-karakol') {
    const ik = lakes.find((l) => l.id === 'issyk-kul').geometry.coordinates[0];
    const d = coords.map((p) => lib.distToLineKm(p, ik));
    note = `, ${Math.min(...d).toFixed(1)}–${Math.max(...d).toFixed(1)} km from the Issyk-Kul shore`;
    if (Math.min(...d) < 1) lib.fail('barskoon-karakol comes closer than 1 km to the lake');
  }
  console.log(`routes: ${r.id}: ${coords.length} vertices, ${km.toFixed(0)} km${note}`);
  if (tunnel && r.id === TUNNEL.parent) {
    const t = coords.slice(tunnel[0], tunnel[1] + 1);
    const tk = lib.lineLengthKm(t);
    if (tk < TUNNEL.minKm || tk > TUNNEL.maxKm) lib.fail(`tunnel ${tk.toFixed(1)} km long`);
    features.push(lib.feature(TUNNEL.id, { name: TUNNEL.name, mode: 'tunnel', parent: TUNNEL.parent, alignment: 'approximate' },
      { type: 'LineString', coordinates: t }));
    console.log(`routes: ${TUNNEL.id}: ${t.length} vertices, ${tk.toFixed(1)} km on ${TUNNEL.parent}`);
  }
}
lib.writeCollection(path.join(OUT, 'routes.geojson'), features);
