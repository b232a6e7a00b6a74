// Read `gmt coast -M` multi-segment text and join the pieces (cut at the
// GSHHG/WDBII bin edges) into closed rings or longer lines.
'use strict';

const fs = require('fs');

// Returns [{level, points: [[lon, lat], ...]}], in file order.
function readSegments(file) {
  const segs = [];
  let cur = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('>')) {
      const m = /Level\s+(\d+)/.exec(line);
      cur = { level: m ? Number(m[1]) : 0, points: [] };
      segs.push(cur);
    } else if (line.trim() && cur) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`bad line in ${file}: ${line}`);
      cur.points.push([x, y]);
    }
  }
  // drop repeated points, and the zero-length pieces gmt writes at bin corners
  for (const s of segs) {
    s.points = s.points.filter((p, i) => i === 0 || p[0] !== s.points[i - 1][0] || p[1] !== s.points[i - 1][1]);
  }
  return segs.filter((s) => s.points.length >= 2);
}

const key = (p) => p[0].toFixed(7) + ',' + p[1].toFixed(7);

// Join pieces end-to-start (GSHHG keeps one direction per polygon).
// Returns { rings: [[...]], open: [[...]] }.
function joinRings(pieces) {
  const byStart = new Map();
  pieces.forEach((p, i) => {
    const k = key(p[0]);
    if (!byStart.has(k)) byStart.set(k, []);
    byStart.get(k).push(i);
  });
  const used = new Uint8Array(pieces.length);
  const rings = [], open = [];
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    let ring = pieces[i].slice();
    for (;;) {
      const endKey = key(ring[ring.length - 1]);
      if (endKey === key(ring[0]) && ring.length > 2) break;
      const next = (byStart.get(endKey) || []).find((j) => !used[j]);
      if (next === undefined) break;
      used[next] = 1;
      ring = ring.concat(pieces[next].slice(1));
    }
    if (key(ring[0]) === key(ring[ring.length - 1]) && ring.length >= 4) {
      ring[ring.length - 1] = ring[0].slice();
      rings.push(ring);
    } else {
      open.push(ring);
    }
  }
  return { rings, open };
}

// Join line pieces at end points shared by exactly two pieces (either
// direction), so rivers become long lines that still split at confluences.
function joinLines(pieces) {
  const ends = new Map(); // key -> [{i, atStart}]
  pieces.forEach((p, i) => {
    for (const [pt, atStart] of [[p[0], true], [p[p.length - 1], false]]) {
      const k = key(pt);
      if (!ends.has(k)) ends.set(k, []);
      ends.get(k).push({ i, atStart });
    }
  });
  const used = new Uint8Array(pieces.length);
  const partner = (k) => {
    const e = ends.get(k);
    if (!e || e.length !== 2) return null;
    return e.find((x) => !used[x.i]) || null;
  };
  const out = [];
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    let line = pieces[i].slice();
    // extend forward
    for (;;) {
      const o = partner(key(line[line.length - 1]));
      if (!o) break;
      used[o.i] = 1;
      const p = o.atStart ? pieces[o.i] : pieces[o.i].slice().reverse();
      line = line.concat(p.slice(1));
    }
    // extend backward
    for (;;) {
      const o = partner(key(line[0]));
      if (!o) break;
      used[o.i] = 1;
      const p = o.atStart ? pieces[o.i].slice().reverse() : pieces[o.i];
      line = p.slice(0, -1).concat(line);
    }
    out.push(line);
  }
  return out;
}

module.exports = { readSegments, joinRings, joinLines };
