/* Scalewise report: draws the embedded data as SVG. No network, no library: see docs/decisions.md. */
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

  // ---- numbers: the same rules as dev.scalewise.Numbers (rounding half away from zero on the exact value)
  function group(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function nonFinite(v) { return v !== v ? '-' : (v > 0 ? 'inf' : '-inf'); }
  function fixed(v, d) {
    if (v === null || v === undefined) { return '-'; }
    if (!isFinite(v)) { return nonFinite(v); }
    var parts = Math.abs(v).toFixed(d).split('.');
    var out = group(parts[0]) + (parts.length > 1 ? '.' + parts[1] : '');
    return v < 0 && /[1-9]/.test(out) ? '-' + out : out;
  }
  function readable(v) {
    if (v === null || v === undefined) { return '-'; }
    if (!isFinite(v)) { return nonFinite(v); }
    if (v === 0) { return '0'; }
    if (Math.abs(v) >= 100) { return fixed(v, 0); }
    var p = Math.abs(v).toPrecision(3);
    var n = Number(p);
    var decimals = 0;
    if (p.indexOf('e') < 0 && p.indexOf('.') >= 0) {
      decimals = p.split('.')[1].replace(/0+$/, '').length;
    }
    return fixed(v < 0 ? -n : n, decimals);
  }
  function money(v, currency) {
    var a;
    if (v === null || v === undefined || !isFinite(v)) { return v === null || v === undefined ? '-' : nonFinite(v); }
    if (Math.abs(v) >= 1000) { a = fixed(v, 0); } else if (Math.abs(v) >= 1) { a = fixed(v, 2); } else { a = readable(v); }
    return currency ? a + ' ' + currency : a;
  }
  function percent(v) { return v === null || v === undefined || !isFinite(v) ? fixed(v, 1) : fixed(v, 1) + ' %'; }
  function count(v) { return fixed(v, 0); }
  var Numbers = { fixed: fixed, readable: readable, money: money, percent: percent, count: count };
  window.ScalewiseNumbers = Numbers;

  // ---- small helpers
  function svg(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) { if (attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); } }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function html(tag, attrs, parent, text) {
    var e = document.createElement(tag);
    for (var k in attrs) { if (attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); } }
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function niceStep(span, n) {
    var raw = span / Math.max(1, n);
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  }
  function ticks(lo, hi, n) {
    if (!(hi > lo)) { return [lo]; }
    var step = niceStep(hi - lo, n), out = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) { out.push(Math.abs(t) < step * 1e-9 ? 0 : t); }
    return out;
  }
  var TIME_STEPS = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400];
  function timeTicks(t0, t1, n) {
    var step = TIME_STEPS[TIME_STEPS.length - 1];
    for (var i = 0; i < TIME_STEPS.length; i++) { if ((t1 - t0) / TIME_STEPS[i] <= n) { step = TIME_STEPS[i]; break; } }
    var out = [];
    for (var t = Math.ceil(t0 / step) * step; t <= t1; t += step) { out.push(t); }
    return { ticks: out, step: step };
  }
  function timeLabel(t, step) {
    var iso = new Date(t * 1000).toISOString();
    return step >= 86400 ? iso.slice(5, 10) : iso.slice(5, 10) + ' ' + iso.slice(11, 16);
  }
  function extent(arrays) {
    var lo = Infinity, hi = -Infinity;
    arrays.forEach(function (a) { (a || []).forEach(function (v) { if (v !== null && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); });
    return lo === Infinity ? [0, 1] : [lo, hi];
  }

  // ---- the frame every chart has: title, plot area, axes with labels
  function frame(container, o, marksRows) {
    var box = html('figure', { 'class': 'chart', 'data-chart': o.id }, container);
    html('figcaption', {}, box, o.title);
    if (o.note) { html('p', { 'class': 'note' }, box, o.note); }
    var width = Math.max(480, Math.min(1100, container.clientWidth || 900));
    var m = { l: 70, r: 18, t: 10, b: 44 + (marksRows ? 8 + marksRows * 9 : 0) };
    var height = o.height || 240;
    var root = svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': o.title }, box);
    var plot = { x: m.l, y: m.t, w: width - m.l - m.r, h: height - m.t - m.b };
    svg('rect', { x: plot.x, y: plot.y, width: plot.w, height: plot.h, 'class': 'plot-bg' }, root);
    var clipId = 'clip-' + o.id;
    var clip = svg('clipPath', { id: clipId }, svg('defs', {}, root));
    svg('rect', { x: plot.x, y: plot.y, width: plot.w, height: plot.h }, clip);
    var layer = svg('g', { 'clip-path': 'url(#' + clipId + ')', 'class': 'data' }, root);
    var axes = svg('g', { 'class': 'axes' }, root);
    var t = svg('text', { x: plot.x + plot.w / 2, y: height - 6, 'class': 'axis-label', 'text-anchor': 'middle' }, root);
    t.textContent = o.xLabel;
    var yl = svg('text', { x: 14, y: plot.y + plot.h / 2, 'class': 'axis-label', 'text-anchor': 'middle', transform: 'rotate(-90 14 ' + (plot.y + plot.h / 2) + ')' }, root);
    yl.textContent = o.yLabel;
    var legend = html('div', { 'class': 'legend' }, box);
    return { box: box, root: root, plot: plot, layer: layer, axes: axes, legend: legend, height: height, width: width };
  }
  function yAxis(f, lo, hi, fmt) {
    ticks(lo, hi, 5).forEach(function (v) {
      var y = f.plot.y + f.plot.h - (v - lo) / (hi - lo) * f.plot.h;
      svg('line', { x1: f.plot.x, x2: f.plot.x + f.plot.w, y1: y, y2: y, 'class': 'grid' }, f.axes);
      svg('text', { x: f.plot.x - 6, y: y + 4, 'text-anchor': 'end', 'class': 'tick' }, f.axes).textContent = fmt(v);
    });
  }
  function legendItem(f, name, color, visible, onToggle, extra) {
    var item = html('button', { type: 'button', 'class': 'legend-item' + (visible ? '' : ' off'), 'aria-pressed': String(visible) }, f.legend);
    html('span', { 'class': 'swatch', style: 'background:' + color }, item);
    html('span', {}, item, name + (extra ? ' ' + extra : ''));
    if (onToggle) {
      item.addEventListener('click', function () {
        var on = item.classList.toggle('off') === false;
        item.setAttribute('aria-pressed', String(on));
        onToggle(on);
      });
    }
  }

  // ---- time charts: min/max bands reduced per pixel column; zoom (wheel, buttons) and pan (drag), synced per page
  function TimeAxis(start, end) {
    this.full = [start, end];
    this.domain = [start, end];
    this.charts = [];
  }
  TimeAxis.prototype.set = function (d) {
    var span = Math.max(this.minSpan || 600, d[1] - d[0]);
    var a = Math.max(this.full[0], Math.min(d[0], this.full[1] - span));
    this.domain = [a, Math.min(this.full[1], a + span)];
    this.charts.forEach(function (c) { c.draw(); });
  };
  TimeAxis.prototype.zoom = function (factor, center) {
    var d = this.domain, c = center === undefined ? (d[0] + d[1]) / 2 : center;
    this.set([c - (c - d[0]) * factor, c + (d[1] - c) * factor]);
  };

  function timeChart(container, axis, pane, o) {
    var rows = (o.marks || []).length;
    var f = frame(container, o, rows);
    var chart = { f: f, o: o, hidden: {} };
    var yr = extent(o.series.map(function (s) { return s.max; }).concat(o.series.map(function (s) { return s.min; })));
    (o.hlines || []).forEach(function (h) { yr[1] = Math.max(yr[1], h.y * 1.1); });
    var lo = Math.min(0, yr[0]), hi = yr[1] > lo ? yr[1] * 1.05 : lo + 1;
    yAxis(f, lo, hi, o.yFormat || readable);
    var xAxis = svg('g', { 'class': 'axes' }, f.root);
    var marks = svg('g', { 'class': 'marks' }, f.root);
    o.series.forEach(function (s, i) {
      s.color = s.color || PALETTE[i % PALETTE.length];
      legendItem(f, s.name, s.color, !s.hidden, function (on) { s.hidden = !on; chart.draw(); }, s.legend);
    });
    function px(t) { return f.plot.x + (t - axis.domain[0]) / (axis.domain[1] - axis.domain[0]) * f.plot.w; }
    function py(v) { return f.plot.y + f.plot.h - (v - lo) / (hi - lo) * f.plot.h; }
    function reduce(arr, fn, c0, c1) {
      var i0 = Math.max(0, Math.floor((c0 - pane.start) / pane.bucketSeconds));
      var i1 = Math.min(arr.length - 1, Math.max(i0, Math.ceil((c1 - pane.start) / pane.bucketSeconds) - 1));
      var r = null;
      for (var i = i0; i <= i1; i++) { var v = arr[i]; if (v !== null && v !== undefined) { r = r === null ? v : fn(r, v); } }
      return r;
    }
    chart.draw = function () {
      while (f.layer.firstChild) { f.layer.removeChild(f.layer.firstChild); }
      while (xAxis.firstChild) { xAxis.removeChild(xAxis.firstChild); }
      while (marks.firstChild) { marks.removeChild(marks.firstChild); }
      var d = axis.domain, cols = Math.max(1, Math.floor(f.plot.w)), per = (d[1] - d[0]) / cols;
      var tt = timeTicks(d[0], d[1], Math.max(3, Math.floor(f.plot.w / 110)));
      tt.ticks.forEach(function (t) {
        var x = px(t);
        svg('line', { x1: x, x2: x, y1: f.plot.y, y2: f.plot.y + f.plot.h, 'class': 'grid' }, xAxis);
        svg('text', { x: x, y: f.plot.y + f.plot.h + 14, 'text-anchor': 'middle', 'class': 'tick' }, xAxis).textContent = timeLabel(t, tt.step);
      });
      (o.vlines || []).forEach(function (v) {
        if (v.t < d[0] || v.t > d[1]) { return; }
        svg('line', { x1: px(v.t), x2: px(v.t), y1: f.plot.y, y2: f.plot.y + f.plot.h, 'class': 'vline' }, f.layer);
        svg('text', { x: px(v.t) + 4, y: f.plot.y + 12, 'class': 'vlabel' }, f.layer).textContent = v.label;
      });
      (o.hlines || []).forEach(function (h) {
        svg('line', { x1: f.plot.x, x2: f.plot.x + f.plot.w, y1: py(h.y), y2: py(h.y), 'class': 'hline' }, f.layer);
        svg('text', { x: f.plot.x + f.plot.w - 4, y: py(h.y) - 4, 'text-anchor': 'end', 'class': 'hlabel' }, f.layer).textContent = h.label;
      });
      o.series.forEach(function (s) {
        if (s.hidden) { return; }
        var upper = [], lower = [], runs = [];
        function flush() { if (upper.length) { runs.push(upper.concat(lower.reverse())); } upper = []; lower = []; }
        for (var c = 0; c < cols; c++) {
          var c0 = d[0] + c * per, c1 = c0 + per;
          var mx = reduce(s.max, Math.max, c0, c1), mn = reduce(s.min, Math.min, c0, c1);
          if (mx === null || mn === null) { flush(); continue; }
          var x = f.plot.x + c + 0.5;
          upper.push(x.toFixed(1) + ',' + py(mx).toFixed(1));
          lower.push(x.toFixed(1) + ',' + py(mn).toFixed(1));
        }
        flush();
        runs.forEach(function (pts) {
          svg('polygon', { points: pts.join(' '), fill: s.color, 'fill-opacity': 0.22, stroke: s.color, 'stroke-width': 1.2, 'stroke-dasharray': s.dash }, f.layer);
        });
      });
      (o.marks || []).forEach(function (row, r) {
        var y = f.plot.y + f.plot.h + 22 + r * 9;
        svg('text', { x: f.plot.x - 6, y: y + 6, 'text-anchor': 'end', 'class': 'mark-label' }, marks).textContent = row.label;
        svg('rect', { x: f.plot.x, y: y, width: f.plot.w, height: 7, 'class': 'mark-bg' }, marks);
        row.layers.forEach(function (layer) {
          for (var c = 0; c < cols; c++) {
            var c0 = d[0] + c * per;
            var v = reduce(layer.values, Math.max, c0, c0 + per);
            if (v > 0) { svg('rect', { x: f.plot.x + c, y: y, width: 1.5, height: 7, fill: layer.color, 'class': 'mark ' + layer.kind }, marks); }
          }
        });
      });
    };
    // interaction: wheel zooms around the cursor, drag pans, double click resets
    var dragging = null;
    f.root.addEventListener('wheel', function (e) {
      e.preventDefault();
      var rect = f.root.getBoundingClientRect();
      var t = axis.domain[0] + (e.clientX - rect.left - f.plot.x) / f.plot.w * (axis.domain[1] - axis.domain[0]);
      axis.zoom(e.deltaY < 0 ? 0.8 : 1.25, t);
    }, { passive: false });
    f.root.addEventListener('mousedown', function (e) { dragging = { x: e.clientX, d: axis.domain.slice() }; });
    window.addEventListener('mouseup', function () { dragging = null; });
    f.root.addEventListener('mousemove', function (e) {
      if (!dragging) { return; }
      var dt = (e.clientX - dragging.x) / f.plot.w * (dragging.d[1] - dragging.d[0]);
      axis.set([dragging.d[0] - dt, dragging.d[1] - dt]);
    });
    f.root.addEventListener('dblclick', function () { axis.set(axis.full); });
    axis.charts.push(chart);
    chart.draw();
    return chart;
  }

  // ---- x/y charts: scatter, lines, markers (frontier, latency curve, cost per day)
  function xyChart(container, o) {
    var f = frame(container, o, 0);
    var xs = [], ys = [];
    (o.scatter || []).concat(o.lines || []).forEach(function (s) { s.points.forEach(function (p) { xs.push(p[0]); ys.push(p[1]); }); });
    (o.markers || []).forEach(function (m) { xs.push(m.x); ys.push(m.y); });
    (o.hlines || []).forEach(function (h) { ys.push(h.y); });
    (o.vlines || []).forEach(function (v) { xs.push(v.x); });
    var xr = extent([xs]), yr = extent([ys]);
    var xlo = o.xZero ? Math.min(0, xr[0]) : xr[0], xhi = xr[1] > xlo ? xr[1] : xlo + 1;
    var pad = (xhi - xlo) * (o.markers ? 0.12 : 0.04); xhi += pad; if (!o.xZero) { xlo -= pad; }
    var ylo = o.yZero === false ? yr[0] : Math.min(0, yr[0]), yhi = yr[1] > ylo ? yr[1] * 1.08 : ylo + 1;
    if (o.yZero === false) { ylo -= (yhi - ylo) * 0.05; }
    function px(x) { return f.plot.x + (x - xlo) / (xhi - xlo) * f.plot.w; }
    function py(y) { return f.plot.y + f.plot.h - (y - ylo) / (yhi - ylo) * f.plot.h; }
    yAxis(f, ylo, yhi, o.yFormat || readable);
    if (o.xTime) {
      var tt = timeTicks(xlo, xhi, Math.max(3, Math.floor(f.plot.w / 110)));
      tt.ticks.forEach(function (t) {
        svg('line', { x1: px(t), x2: px(t), y1: f.plot.y, y2: f.plot.y + f.plot.h, 'class': 'grid' }, f.axes);
        svg('text', { x: px(t), y: f.plot.y + f.plot.h + 14, 'text-anchor': 'middle', 'class': 'tick' }, f.axes).textContent = timeLabel(t, tt.step);
      });
    } else {
      ticks(xlo, xhi, Math.max(3, Math.floor(f.plot.w / 90))).forEach(function (v) {
        svg('line', { x1: px(v), x2: px(v), y1: f.plot.y, y2: f.plot.y + f.plot.h, 'class': 'grid' }, f.axes);
        svg('text', { x: px(v), y: f.plot.y + f.plot.h + 14, 'text-anchor': 'middle', 'class': 'tick' }, f.axes).textContent = (o.xFormat || readable)(v);
      });
    }
    (o.hlines || []).forEach(function (h) {
      svg('line', { x1: f.plot.x, x2: f.plot.x + f.plot.w, y1: py(h.y), y2: py(h.y), 'class': 'hline' }, f.layer);
      svg('text', { x: f.plot.x + f.plot.w - 4, y: py(h.y) - 4, 'text-anchor': 'end', 'class': 'hlabel' }, f.layer).textContent = h.label;
    });
    (o.vlines || []).forEach(function (v) {
      svg('line', { x1: px(v.x), x2: px(v.x), y1: f.plot.y, y2: f.plot.y + f.plot.h, 'class': 'vline' }, f.layer);
      svg('text', { x: px(v.x) + 4, y: f.plot.y + 12 + (v.row || 0) * 13, 'class': 'vlabel' }, f.layer).textContent = v.label;
    });
    (o.scatter || []).forEach(function (s, i) {
      var color = s.color || PALETTE[i % PALETTE.length];
      var g = svg('g', {}, f.layer);
      s.points.forEach(function (p) {
        var c = svg('circle', { cx: px(p[0]).toFixed(1), cy: py(p[1]).toFixed(1), r: s.r || 2.2, fill: s.hollow && p[2] === false ? 'white' : color, stroke: color, 'fill-opacity': s.opacity || 0.8 }, g);
        if (p[3]) { svg('title', {}, c).textContent = p[3]; }
      });
      legendItem(f, s.name, color, true, function (on) { g.style.display = on ? '' : 'none'; });
    });
    (o.lines || []).forEach(function (s, i) {
      var color = s.color || PALETTE[(i + 2) % PALETTE.length];
      var d = '', pen = 'M';
      s.points.forEach(function (p) {
        if (p[1] === null || !isFinite(p[1])) { pen = 'M'; return; }
        d += pen + px(p[0]).toFixed(1) + ' ' + py(p[1]).toFixed(1) + ' '; pen = 'L';
      });
      var path = svg('path', { d: d, fill: 'none', stroke: color, 'stroke-width': s.width || 1.8, 'stroke-dasharray': s.dash }, f.layer);
      legendItem(f, s.name, color, true, function (on) { path.style.display = on ? '' : 'none'; });
    });
    (o.markers || []).forEach(function (m) {
      var x = px(m.x), y = py(m.y), r = 7;
      var shape = m.shape === 'diamond'
        ? svg('polygon', { points: [x, y - r, x + r, y, x, y + r, x - r, y].join(' '), fill: m.color, stroke: '#222', 'class': 'marker' }, f.layer)
        : svg('polygon', { points: star(x, y, r + 2), fill: m.color, stroke: '#222', 'class': 'marker' }, f.layer);
      svg('title', {}, shape).textContent = m.label;
      svg('text', { x: x + 10, y: y - 8, 'class': 'marker-label' }, f.layer).textContent = m.label;
      legendItem(f, m.label, m.color, true, null);
    });
    return f;
  }
  function star(x, y, r) {
    var pts = [];
    for (var i = 0; i < 10; i++) {
      var a = Math.PI / 2 + i * Math.PI / 5, rr = i % 2 ? r * 0.45 : r;
      pts.push((x + rr * Math.cos(a)).toFixed(1) + ',' + (y - rr * Math.sin(a)).toFixed(1));
    }
    return pts.join(' ');
  }

  // ---- data
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var paneCache = {};
  function pane(service) {
    if (paneCache[service]) { return paneCache[service]; }
    var node = document.querySelector('script[data-pane="' + CSS.escape(service) + '"]');
    if (!node) { return Promise.reject(new Error('no data for service ' + service)); }
    var bytes = Uint8Array.from(atob(node.textContent.trim()), function (c) { return c.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    paneCache[service] = new Response(stream).text().then(JSON.parse);
    return paneCache[service];
  }

  // ---- fleet page
  var FLEET_COLUMNS = {
    recommend: [
      ['service', 'service', 'text'], ['policy', 'policy', 'text'], ['status', 'status', 'status'],
      ['holdout_current_cost_per_1k', 'cost / 1k now', 'money'], ['holdout_recommended_cost_per_1k', 'cost / 1k recommended', 'money'],
      ['monthly_current', 'monthly now', 'money'], ['monthly_recommended', 'monthly recommended', 'money'],
      ['savings_pct', 'savings', 'percent'],
      ['holdout_current_breach_minutes', 'breach min now', 'breaches', 'holdout_current_unidentified_breach_minutes'],
      ['holdout_recommended_breach_minutes', 'breach min recommended', 'breaches', 'holdout_recommended_unidentified_breach_minutes'],
      ['holdout_recommended_cost_per_1m_tokens', 'cost / 1M tokens recommended', 'money'],
      ['holdout_recommended_ttft_breach_minutes', 'TTFT breach min recommended', 'count'],
      ['holdout_recommended_tpot_breach_minutes', 'TPOT breach min recommended', 'count'],
      ['holdout_recommended_budget_burn', 'budget burn recommended', 'ratio'], ['robust', 'robust', 'bool'], ['trust', 'trust', 'text']],
    backtest: [
      ['service', 'service', 'text'], ['policy', 'policy', 'text'], ['family', 'family', 'text'],
      ['cost_per_1k', 'cost / 1k', 'money'], ['cost_per_1m_tok', 'cost / 1M tokens', 'money'],
      ['vs_observed_pct', 'vs observed', 'percent'], ['cost', 'cost', 'money'],
      ['breach_min', 'breach min', 'breaches', 'breach_range'], ['ttft_breach_min', 'TTFT breach min', 'count'],
      ['tpot_breach_min', 'TPOT breach min', 'count'], ['budget_burn', 'budget burn', 'ratio'],
      ['cold_start_min', 'cold-start min', 'count'], ['verdict', 'verdict', 'text'], ['trust', 'trust', 'text']]
  };
  // an LLM service's columns (cost per million tokens, TTFT and TPOT breach minutes): only when a row has them
  var LLM_COLUMNS = ['cost_per_1m_tok', 'ttft_breach_min', 'tpot_breach_min', 'holdout_recommended_cost_per_1m_tokens',
    'holdout_recommended_ttft_breach_minutes', 'holdout_recommended_tpot_breach_minutes'];
  // a breach count resting on load history never showed reads as its range, as the terminal table has it
  function breaches(v, row, rangeKey) {
    var r = row[rangeKey];
    if (typeof r === 'string' && r) { return r; }
    if (typeof r === 'number' && r > 0 && typeof v === 'number') { return count(v - r) + '..' + count(v); }
    return v === null || v === undefined ? '-' : count(v);
  }
  function cellText(kind, v, row, col) {
    switch (kind) {
      case 'breaches': return breaches(v, row, col[3]);
      case 'money': return money(v, row.currency);
      case 'percent': return percent(v);
      case 'count': return v === null || v === undefined ? '-' : count(v);
      case 'ratio': return v === null || v === undefined ? '-' : fixed(v, 2);
      case 'bool': return v ? 'yes' : 'no';
      case 'status': return String(v).toLowerCase().replace(/_/g, ' ');
      default: return v === null || v === undefined ? '' : String(v);
    }
  }
  function renderFleet(root) {
    html('h2', {}, root, 'Fleet');
    var rows = report.fleet;
    var cols = FLEET_COLUMNS[report.mode].filter(function (c) {
      if (LLM_COLUMNS.indexOf(c[0]) >= 0) {
        return rows.some(function (r) { return typeof r[c[0]] === 'number'; });
      }
      return c[0] !== 'trust' || rows.some(function (r) { return r.trust; });
    });
    if (report.totals) {
      var t = html('p', { 'class': 'totals', id: 'fleet-totals' }, root);
      t.textContent = report.totals.text;
    }
    var table = html('table', { 'class': 'fleet', id: 'fleet-table' }, root);
    var head = html('tr', {}, html('thead', {}, table));
    var body = html('tbody', {}, table);
    cols.forEach(function (c, i) {
      var numeric = ['money', 'percent', 'count', 'ratio', 'breaches'].indexOf(c[2]) >= 0;
      var th = html('th', { 'data-key': c[0], 'data-kind': c[2], tabindex: '0', title: 'sort', 'class': numeric ? 'num' : undefined }, head, c[1]);
      th.addEventListener('click', function () { sortBy(i, th); });
    });
    rows.forEach(function (r) {
      var tr = html('tr', { 'data-service': r.service, 'data-policy': r.policy }, body);
      cols.forEach(function (c) {
        var v = r[c[0]];
        var td = html('td', { 'data-key': c[0], 'data-value': v === null || v === undefined ? '' : String(v), 'class': c[2] }, tr);
        if (c[0] === 'service') {
          html('a', { href: '#service=' + encodeURIComponent(r.service) }, td, r.service);
        } else {
          td.textContent = cellText(c[2], v, r, c);
        }
        if (c[0] === 'trust' && r.trust_reason) { td.title = r.trust_reason; }
        if (c[0] === 'status') { td.title = r.reason + (r.explanation ? '. ' + r.explanation : ''); }
      });
    });
    var why = html('details', { 'class': 'why' }, root);
    html('summary', {}, why, 'Why, per service and policy');
    var ul = html('ul', {}, why);
    rows.forEach(function (r) { if (r.reason) { html('li', {}, ul, r.service + ' / ' + r.policy + ': ' + r.reason + (r.explanation ? '. ' + r.explanation : '')); } });
    var dir = {};
    function sortBy(i, th) {
      var key = cols[i][0], numeric = cols[i][2] !== 'text' && cols[i][2] !== 'status';
      dir[key] = dir[key] === 1 ? -1 : 1;
      var trs = Array.prototype.slice.call(body.children);
      trs.sort(function (a, b) {
        var x = a.children[i].getAttribute('data-value'), y = b.children[i].getAttribute('data-value');
        if (numeric) { x = x === '' ? -Infinity : Number(x); y = y === '' ? -Infinity : Number(y); return (x - y) * dir[key]; }
        return x.localeCompare(y) * dir[key];
      });
      trs.forEach(function (tr) { body.appendChild(tr); });
      Array.prototype.forEach.call(head.children, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir[key] === 1 ? 'ascending' : 'descending');
    }
  }

  // ---- service page
  function renderService(root, p) {
    html('p', {}, root).appendChild(html('a', { href: '#fleet' }, null, '\u2190 fleet'));
    html('h2', {}, root, p.service);
    var slo = p.slo;
    html('p', { 'class': 'slo' }, root, 'SLO: ' + slo.percentile + ' \u2264 ' + readable(slo.thresholdMs) + ' ms in ' + fixed(slo.objective * 100, 1) + ' % of minutes. '
      + 'Replicas, latency and cost of policies are replayed (modeled), not measured; "observed" is what the exports recorded.');
    var ul = html('ul', { 'class': 'model' }, root);
    p.model.forEach(function (m) {
      html('li', {}, ul, m.name + ': ' + readable(m.value) + ' \u2014 ' + (m.basis ? m.basis + ', ' : '') + m.confidence + (m.samples ? ' from ' + count(m.samples) + ' samples' : '') + ' (' + m.note + ')');
    });
    var end = p.start + p.buckets * p.bucketSeconds;
    var axis = new TimeAxis(p.start, end);
    axis.minSpan = Math.max(600, p.bucketSeconds * 8);
    var controls = html('div', { 'class': 'controls' }, root);
    [['zoom in', function () { axis.zoom(0.5); }], ['zoom out', function () { axis.zoom(2); }], ['whole range', function () { axis.set(axis.full); }]].forEach(function (b) {
      html('button', { type: 'button' }, controls, b[0]).addEventListener('click', b[1]);
    });
    html('span', { 'class': 'hint' }, controls, 'wheel to zoom, drag to pan, double-click to reset; each band spans the min and max within a pixel');
    var vlines = p.holdoutStart ? [{ t: p.holdoutStart, label: 'holdout \u2192' }] : [];
    var id = p.service.replace(/[^A-Za-z0-9_-]/g, '_');
    function colorOf(s, i) { return s.kind === 'observed' ? '#333' : PALETTE[i % PALETTE.length]; }
    timeChart(root, axis, p, {
      id: id + '-demand', title: 'Demand (observed)', xLabel: 'time (UTC)', yLabel: 'requests / s', height: 200,
      series: [{ name: 'demand', color: '#555', min: p.demand.min, max: p.demand.max }], vlines: vlines });
    var totals = {};
    p.totals.forEach(function (t) { totals[t.name] = t; });
    timeChart(root, axis, p, {
      id: id + '-replicas', title: 'Replicas paid for: observed, each policy replayed, each recommendation replayed',
      note: 'Marks under the chart: red = minutes breaching the SLO, blue = demand with no ready replica (cold start).',
      xLabel: 'time (UTC)', yLabel: 'replicas', height: 260 + p.replicas.length * 9, vlines: vlines,
      series: p.replicas.map(function (s, i) {
        var t = totals[s.name];
        return { name: s.name, color: colorOf(s, i), min: s.min, max: s.max, dash: s.kind === 'recommended' ? '5 3' : undefined,
          legend: t ? '(' + count(t.breachMinutes) + ' breach min, ' + count(t.coldStartMinutes) + ' cold-start min)' : '' };
      }),
      marks: p.replicas.map(function (s, i) {
        return { label: s.name.length > 10 ? s.name.slice(0, 9) + '\u2026' : s.name,
          layers: [{ kind: 'breach', color: '#d62728', values: s.breach }, { kind: 'cold', color: '#1f77b4', values: s.cold }] };
      })
    });
    timeChart(root, axis, p, {
      id: id + '-latency', title: 'Latency (' + slo.percentile + ') against the SLO threshold: observed, and modeled per replay',
      xLabel: 'time (UTC)', yLabel: slo.percentile + ' latency (ms)', height: 240, vlines: vlines,
      hlines: [{ y: slo.thresholdMs, label: 'SLO ' + readable(slo.thresholdMs) + ' ms' }],
      series: p.latency.map(function (s, i) { return { name: s.name, color: colorOf(s, i), min: s.min, max: s.max, hidden: s.kind === 'recommended' }; })
    });
    xyChart(root, {
      id: id + '-daily', title: 'Cost per 1k inferences per day (' + p.currency + ')', xLabel: 'day (UTC)', yLabel: 'cost / 1k (' + p.currency + ')',
      xTime: true, height: 240, yFormat: function (v) { return money(v, ''); },
      lines: p.daily.map(function (s, i) {
        return { name: s.name, color: colorOf(s, i), dash: s.kind === 'recommended' ? '5 3' : undefined,
          points: s.costPer1k.map(function (v, j) { return [p.days[j] + 43200, v]; }) };
      }),
      vlines: p.holdoutStart ? [{ x: p.holdoutStart, label: 'holdout \u2192' }] : []
    });
    p.frontiers.forEach(function (fr, i) {
      // budget burn, not breach minutes: the candidates may be screened on the last days of the training period,
      // and a rate compares with the current and recommended settings' over the whole of it
      var screened = fr.points.length && fr.points[0].days < fr.trainDays - 1e-6;
      var span = screened ? ' (candidates screened on the last ' + readable(fr.points[0].days) + ' of the ' + readable(fr.trainDays)
        + ' training days)' : ' (training period)';
      xyChart(root, {
        id: id + '-frontier-' + i, title: 'Pareto frontier of ' + fr.policy + ': cost vs SLO budget burn' + span,
        note: 'Binding constraint: ' + (fr.binding || 'none stated') + '. Status: ' + fr.status.replace(/_/g, ' ') + ' \u2014 ' + fr.reason + '.',
        xLabel: 'cost per 1k inferences (' + p.currency + ')', yLabel: 'error budget burn', height: 280, yZero: true,
        xFormat: function (v) { return money(v, ''); },
        scatter: [{ name: 'candidates on the frontier (hollow: misses the objective)', color: '#7f7f7f', r: 4, hollow: true,
          points: fr.points.map(function (q) { return [q.costPer1k, q.budgetBurn, q.meets, q.knobs]; }) }],
        lines: [{ name: 'frontier', color: '#bbbbbb', width: 1, points: fr.points.map(function (q) { return [q.costPer1k, q.budgetBurn]; }) }],
        markers: [
          { x: fr.current.costPer1k, y: fr.current.budgetBurn, shape: 'diamond', color: '#ff7f0e', label: 'current (training period)' },
          { x: fr.recommended.costPer1k, y: fr.recommended.budgetBurn, shape: 'star', color: '#2ca02c', label: 'recommended (training period)' }]
      });
    });
    var fit = p.latencyFit, cap = fit.capacity;
    var extrapolated = cap.value > fit.busiestObserved;
    var vl = [{ x: fit.busiestObserved, label: 'busiest load observed', row: 0 }];
    if (isFinite(cap.value) && cap.value > 0) { vl.push({ x: cap.value, label: 'capacity (' + (cap.basis ? cap.basis + ', ' : '') + cap.confidence + ')', row: 1 }); }
    xyChart(root, {
      id: id + '-fit', title: 'Fitted latency curve over the observed points (' + slo.percentile + ' vs load per replica)',
      note: 'Curve fitted from ' + count(fit.samples) + ' steps; capacity ' + readable(cap.value) + ' rps/replica is ' + (cap.basis ? cap.basis + ', ' : '') + cap.confidence + ': ' + cap.note
        + (extrapolated ? '. Beyond the busiest load observed the curve is extrapolated, not measured.' : '.'),
      xLabel: 'requests / s per ready replica', yLabel: slo.percentile + ' latency (ms)', height: 280, xZero: true,
      scatter: [{ name: 'observed (one per grid cell)', color: '#9aa7b8', r: 2, opacity: 0.6, points: fit.points }],
      lines: [{ name: 'fitted curve', color: '#d62728', points: fit.curve }],
      hlines: [{ y: fit.thresholdMs, label: 'SLO ' + readable(fit.thresholdMs) + ' ms' }],
      vlines: vl
    });
  }

  // ---- routing: #fleet or #service=NAME; body[data-ready] says what finished drawing (the browser test waits on it)
  var main = document.getElementById('main');
  function route() {
    var h = decodeURIComponent(location.hash.slice(1)), started = performance.now();
    document.body.removeAttribute('data-ready');
    while (main.firstChild) { main.removeChild(main.firstChild); }
    window.scrollTo(0, 0);
    if (h.indexOf('service=') === 0) {
      var name = h.slice(8);
      pane(name).then(function (p) {
        renderService(main, p);
        window.scalewiseRenderMs = performance.now() - started;
        document.body.setAttribute('data-ready', 'service:' + name);
      }).catch(function (e) { html('p', { 'class': 'error' }, main, String(e)); throw e; });
    } else {
      renderFleet(main);
      window.scalewiseRenderMs = performance.now() - started;
      document.body.setAttribute('data-ready', 'fleet');
    }
  }
  window.addEventListener('hashchange', route);
  route();
})();
