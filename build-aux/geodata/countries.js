// countries*.geojson and borders*.geojson from Natural Earth 1:10m admin-0
// (npm world-atlas countries-10m.json), clipped to the atlas box and
// simplified topology-preservingly with mapshaper. Usage: node countries.js OUTDIR
'use strict';

const path = require('path');
const mapshaper = require('mapshaper');
const topojson = require('topojson-client');
const lib = require('./lib');
const names = require('./names');

const OUT = process.argv[2] || lib.fail('usage: countries.js OUTDIR');

// ISO 3166-1 numeric -> alpha-2, for every country that reaches into the box
// (and a few near it, so a small change of box still works).
const ISO = {
  '004': 'AF', '031': 'AZ', '048': 'BH', '050': 'BD', '051': 'AM', '064': 'BT',
  '096': 'BN', '104': 'MM', '112': 'BY', '116': 'KH', '144': 'LK', '156': 'CN',
  '158': 'TW', '196': 'CY', '231': 'ET', '232': 'ER', '233': 'EE', '246': 'FI',
  '262': 'DJ', '268': 'GE', '275': 'PS', '316': 'GU', '344': 'HK', '356': 'IN',
  '360': 'ID', '364': 'IR', '368': 'IQ', '376': 'IL', '392': 'JP', '398': 'KZ',
  '400': 'JO', '404': 'KE', '408': 'KP', '410': 'KR', '414': 'KW', '417': 'KG',
  '418': 'LA', '422': 'LB', '428': 'LV', '434': 'LY', '440': 'LT', '446': 'MO',
  '458': 'MY', '462': 'MV', '496': 'MN', '498': 'MD', '512': 'OM', '524': 'NP',
  '580': 'MP', '583': 'FM', '584': 'MH', '585': 'PW', '586': 'PK', '608': 'PH',
  '634': 'QA', '642': 'RO', '643': 'RU', '682': 'SA', '706': 'SO', '728': 'SS',
  '729': 'SD', '760': 'SY', '762': 'TJ', '764': 'TH', '784': 'AE', '792': 'TR',
  '795': 'TM', '800': 'UG', '804': 'UA', '818': 'EG', '860': 'UZ', '887': 'YE',
  '704': 'VN', '100': 'BG', '148': 'TD', '140': 'CF', '626': 'TL',
};

// Natural Earth units without an ISO code get a readable slug.
const SLUGS = {
  'N. Cyprus': 'northern-cyprus',
  'Cyprus U.N. Buffer Zone': 'cyprus-un-buffer-zone',
  'Siachen Glacier': 'siachen-glacier',
  'Baikonur': 'baikonur',
  'Akrotiri': 'akrotiri',
  'Dhekelia': 'dhekelia',
  'Somaliland': 'somaliland',
  'Spratly Is.': 'spratly-islands',
  'Scarborough Reef': 'scarborough-reef',
};

// Units that lie inside (or are special regions of) one of the six members:
// the atlas draws their land as part of that member, so their polygons join the
// member's MultiPolygon and the line between them is not drawn as a border.
const PART_OF = { baikonur: 'KZ', HK: 'CN', MO: 'CN' };

// Simplification levels: mapshaper `-simplify percentage=P keep-shapes`
// (P = share of removable vertices kept, Visvalingam/weighted, spherical),
// and the number of decimals written.
const LEVELS = [
  { name: '', simplify: null, digits: 4 },
  { name: '-medium', simplify: '20%', digits: 3 },
  { name: '-coarse', simplify: '4%', digits: 2 },
];

const EDGE_EPS = 1e-7;

function prepareTopology() {
  const src = require('world-atlas/countries-10m.json');
  const topo = JSON.parse(JSON.stringify(src));
  delete topo.objects.land;
  const seen = new Set();
  for (const g of topo.objects.countries.geometries) {
    const name = g.properties.name;
    let id;
    if (g.id !== undefined) {
      id = ISO[g.id];
      if (!id) {
        // only fatal for units that may reach the box; checked after clipping
        id = '?' + g.id;
      }
    } else {
      id = SLUGS[name] || lib.slug(name);
    }
    if (seen.has(id) && !id.startsWith('?')) {
      // world-atlas has Australia + Ashmore under one code; keep them apart
      id = id + '-' + lib.slug(name);
    }
    seen.add(id);
    g.properties = { cid: id, name };
    delete g.id;
  }
  return topo;
}

async function runMapshaper(topo, level) {
  const cmds = ['-i in.json', `-clip bbox=${lib.BOX.join(',')}`];
  if (level.simplify) cmds.push(`-simplify percentage=${level.simplify} keep-shapes`);
  cmds.push('-o out.json format=topojson no-quantization');
  const out = await mapshaper.applyCommands(cmds.join(' '), { 'in.json': JSON.stringify(topo) });
  return JSON.parse(out['out.json']);
}

function onBoxEdge(a, b) {
  const [x0, y0, x1, y1] = lib.BOX;
  const on = (v, e) => Math.abs(v - e) < EDGE_EPS;
  return (on(a[0], x0) && on(b[0], x0)) || (on(a[0], x1) && on(b[0], x1)) ||
         (on(a[1], y0) && on(b[1], y0)) || (on(a[1], y1) && on(b[1], y1));
}

// Split lines where they run along the artificial clip edge.
function dropClipEdge(lines) {
  const out = [];
  for (const line of lines) {
    let cur = [line[0]];
    for (let i = 1; i < line.length; i++) {
      if (onBoxEdge(line[i - 1], line[i])) {
        if (cur.length >= 2) out.push(cur);
        cur = [line[i]];
      } else cur.push(line[i]);
    }
    if (cur.length >= 2) out.push(cur);
  }
  return out;
}

function lineGeometry(lines) {
  if (!lines.length) return null;
  return lines.length === 1
    ? { type: 'LineString', coordinates: lines[0] }
    : { type: 'MultiLineString', coordinates: lines };
}

function roleOf(id) {
  return lib.MEMBERS.includes(id) ? 'member' : 'neighbour';
}

function polygonsOf(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

// Moves the polygons of PART_OF units into their member's feature.
function joinParts(countries) {
  const byId = new Map(countries.map((f) => [f.id, f]));
  for (const [part, whole] of Object.entries(PART_OF)) {
    const p = byId.get(part);
    const w = byId.get(whole);
    if (!p) continue;
    if (!w) lib.fail(`${part} is part of ${whole}, which is not in the box`);
    w.geometry = { type: 'MultiPolygon',
                   coordinates: polygonsOf(w.geometry).concat(polygonsOf(p.geometry)) };
    byId.delete(part);
  }
  return [...byId.values()];
}

function sortKey(id) {
  const m = lib.MEMBERS.indexOf(id);
  return (m >= 0 ? '0' + m : '1') + id;
}

function buildLevel(topo, level) {
  const obj = topo.objects.countries;
  obj.geometries = obj.geometries.filter((g) => g.type); // clipped away -> null
  for (const g of obj.geometries) {
    if (g.properties.cid.startsWith('?')) {
      lib.fail(`no ISO alpha-2 code for numeric ${g.properties.cid.slice(1)} (${g.properties.name}); add it to ISO`);
    }
  }
  const log = (id) => (msg) => console.log(`  countries${level.name}: ${id}: ${msg}`);

  // countries
  const countries = [];
  for (const g of obj.geometries) {
    const id = g.properties.cid;
    const geom = lib.roundGeometry(topojson.feature(topo, g).geometry, level.digits, log(id));
    if (!geom) lib.fail(`country ${id} vanished at level ${level.name || 'fine'}`);
    countries.push(lib.feature(id, { name: names.byId(id, g.properties.name), role: roleOf(id) }, geom));
  }
  const joined = joinParts(countries);
  joined.sort((a, b) => (sortKey(a.id) < sortKey(b.id) ? -1 : 1));

  // which geometries use each arc
  const users = new Map();
  obj.geometries.forEach((g, gi) => {
    const walk = (a) => {
      if (typeof a === 'number') {
        const k = a < 0 ? ~a : a;
        if (!users.has(k)) users.set(k, new Set());
        users.get(k).add(gi);
      } else a.forEach(walk);
    };
    walk(g.arcs);
  });
  const pairs = new Map();
  for (const set of users.values()) {
    if (set.size === 2) {
      const [a, b] = [...set].map((i) => obj.geometries[i].properties.cid).sort();
      pairs.set(a + '|' + b, [a, b]);
    } else if (set.size > 2) {
      lib.fail('an arc shared by more than two countries');
    }
  }

  const borders = [];
  for (const [a, b] of [...pairs.values()].sort((p, q) => (p.join() < q.join() ? -1 : 1))) {
    const m = topojson.mesh(topo, obj, (x, y) => x !== y &&
      ((x.properties.cid === a && y.properties.cid === b) || (x.properties.cid === b && y.properties.cid === a)));
    const geom = lineGeometry(lib.linesOf(m));
    const r = geom && lib.roundGeometry(geom, level.digits);
    if (PART_OF[a] === b || PART_OF[b] === a) continue; // e.g. Baikonur inside KZ
    if (r) borders.push(lib.feature(undefined, { kind: 'border', countries: [a, b] }, r));
  }
  const coasts = [];
  for (const f of countries) {
    const m = topojson.mesh(topo, obj, (x, y) => x === y && x.properties.cid === f.id);
    const geom = lineGeometry(dropClipEdge(lib.linesOf(m)));
    const r = geom && lib.roundGeometry(geom, level.digits);
    if (r) coasts.push(lib.feature(undefined, { kind: 'coast', countries: [PART_OF[f.id] || f.id] }, r));
  }
  return { countries: joined, lines: borders.concat(coasts), npairs: borders.length };
}

(async () => {
  const topo = prepareTopology();
  for (const level of LEVELS) {
    const t = await runMapshaper(topo, level);
    const { countries, lines, npairs } = buildLevel(t, level);
    lib.writeCollection(path.join(OUT, `countries${level.name}.geojson`), countries);
    lib.writeCollection(path.join(OUT, `borders${level.name}.geojson`), lines);
    const nv = countries.reduce((s, f) => s + lib.countVertices(f.geometry), 0);
    console.log(`countries${level.name}: ${countries.length} features, ${nv} vertices; ` +
      `borders${level.name}: ${npairs} borders + ${lines.length - npairs} coasts`);
  }
})().catch((e) => lib.fail(e.stack || String(e)));
