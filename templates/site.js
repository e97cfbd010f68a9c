/* insights site: findings filters and client-side search. No network, works from file://. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };

  // Findings page: filters appear only with JavaScript; without it every finding stays listed.
  var ff = $('finding-filters'), list = $('finding-list');
  if (ff && list) {
    ff.hidden = false;
    var apply = function () {
      var c = ff.elements.category.value, s = ff.elements.severity.value, n = 0;
      for (var i = 0; i < list.children.length; i++) {
        var li = list.children[i];
        var ok = (!c || li.getAttribute('data-category') === c) && (!s || li.getAttribute('data-severity') === s);
        li.hidden = !ok; if (ok) n++;
      }
      ff.elements.shown.value = n + ' shown';
    };
    ff.addEventListener('change', apply); apply();
  }

  var IX = window.INSIGHTS_INDEX, form = $('search-form');
  if (!IX || !form) return;
  // Terms are front-coded: the first character is how many characters (base 36) the previous term shares.
  var TERMS = Object.create(null), DOCS = [], keys = [], cache = Object.create(null), stop = Object.create(null);
  // The index's kind numbers and the words it never indexes (insights' SearchIndex.kinds and Tokens.stopWords).
  var KINDS = ['session', 'finding', 'friction', 'completed', 'remaining', 'update', 'takeaway', 'task', 'failure'];
  'a able about add added adding after again all also an and any are as at be because been before being both but by can could did do does doing done e each eg etc few first fix fixed fixes fixing for from g get got had has have having he her here him his how i ie if in instead into is issue issues it item items its itself just later made make me more most must my need needed needs new next no nor not note notes now of off ok on once one only or other our out over own p0 p1 p2 p3 per problem problems same see session sessions she should so some step steps still such task tasks than that the their them then there these they thing things this those through time to todo too tri try two under until up update updated use used using very via vs was way we were what when where which while who whom why will with within without work worked working would yet you your'.split(' ').forEach(function (w) { stop[w] = 1; });
  (function () {
    var ts = IX.terms ? IX.terms.split(' ') : [], ps = IX.post.split(' '), prev = '';
    for (var i = 0; i < ts.length; i++) {
      var term = prev.slice(0, parseInt(ts[i].charAt(0), 36)) + ts[i].slice(1);
      TERMS[term] = ps[i]; keys.push(term); prev = term;
    }
    keys.sort();
    // Docs are grouped by page: find each doc's page and its anchor (kind-N, or kind-ref for tasks and failures).
    // A page is [path, date, count], or [name, count] for sessions/name.html dated by its name's first 10 characters.
    var d = 0;
    IX.pages.forEach(function (p) {
      var seen = {}, path = p.length === 2 ? 'sessions/' + p[0] + '.html' : p[0];
      var date = p.length === 2 ? p[0].slice(0, 10) : p[1], count = p[p.length - 1];
      for (var end = d + count; d < end; d++) {
        // The first number is the kind, plus 10 × (1 + rank) for a priority.
        var doc = IX.docs[d], kind = KINDS[doc[0] % 10], rank = Math.floor(doc[0] / 10);
        seen[kind] = (seen[kind] || 0) + 1;
        // A number for the title or snippet is the doc that wrote the same text first.
        var title = typeof doc[2] === 'number' ? IX.docs[doc[2]][2] : doc[2];
        var snippet = (typeof doc[3] === 'number' ? IX.docs[doc[3]][3] : doc[3]) || '';
        if (doc[4]) snippet = doc[4] + (snippet ? ' · ' + snippet : '');
        DOCS.push({ path: path, date: date, kind: kind, len: doc[1], title: title, snippet: snippet, prio: rank ? 'P' + (rank - 1) : '',
          anchor: doc[4] ? kind + '-' + doc[4] : (kind === 'session' ? '' : kind + '-' + seen[kind]) });
      }
    });
  })();

  function words(text) { return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []; }
  var END = '0123456789abcdefghijklmnopqrstuv', MORE = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  function postings(term) {
    if (cache[term]) return cache[term];
    var m = new Map(), raw = TERMS[term], doc = 0;
    // Doc ids: delta-coded 5-bit digits, least significant first; 'w'…'_' continue a number, '0'…'v' end it.
    var n = 0, shift = 0;
    for (var i = 0; raw && i < raw.length; i++) {
      var c = raw.charAt(i), e = END.indexOf(c);
      if (e < 0) { n += MORE.indexOf(c) << shift; shift += 5; continue; }
      doc += n + (e << shift); n = 0; shift = 0;
      // A word in the stored title counts twice.
      m.set(doc, words(DOCS[doc].title).indexOf(term) >= 0 ? 2 : 1);
    }
    return (cache[term] = m);
  }
  function withPrefix(p) {
    var lo = 0, hi = keys.length, out = [];
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < p) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < keys.length && keys[i].lastIndexOf(p, 0) === 0; i++) out.push(keys[i]);
    return out;
  }
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i]; var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  function closest(w) {
    var max = w.length <= 4 ? 1 : 2, best = null, bd = max + 1, bdf = 0;
    for (var i = 0; i < keys.length; i++) {
      var d = distance(w, keys[i], max);
      if (d < bd || (d === bd && d <= max && TERMS[keys[i]].length > bdf)) { best = keys[i]; bd = d; bdf = TERMS[keys[i]].length; }
    }
    return bd <= max ? best : null;
  }

  // "phrase", -word, prefix*, word: every positive part must match (AND).
  function parse(q) {
    var parts = [], re = /(-?)"([^"]*)"?|(-?)(\S+)/g, m;
    while ((m = re.exec(q))) {
      if (m[2] !== undefined) {
        var ws = words(m[2]);
        if (ws.length) parts.push({ neg: !!m[1], words: ws, phrase: ws.join(' ') });
      } else {
        var prefix = /\*$/.test(m[4]), w = words(m[4]);
        w.forEach(function (x, i) { parts.push({ neg: !!m[3], words: [x], prefix: prefix && i === w.length - 1 }); });
      }
    }
    return parts;
  }
  // term → weight for one word: exact 1, longer forms 0.6 (explicit prefix*: 1).
  function expand(w, prefix) {
    var out = {};
    if (prefix) { withPrefix(w).forEach(function (t) { out[t] = 1; }); return out; }
    if (TERMS[w]) out[w] = 1;
    if (w.length >= 4) withPrefix(w).forEach(function (t) { if (t !== w) out[t] = 0.6; });
    return out;
  }

  function search(q, kind, prio) {
    var parts = parse(q), notes = [], highlight = [], groups = [], exclude = new Set();
    parts.forEach(function (p) {
      p.words.forEach(function (w) {
        if (stop[w] && !p.prefix) return;
        var ex = expand(w, p.prefix);
        if (!Object.keys(ex).length && !p.neg && !p.prefix) {
          var c = closest(w);
          if (c) { notes.push(c); ex[c] = 1; w = c; }
        }
        if (p.neg) { Object.keys(ex).forEach(function (t) { postings(t).forEach(function (_, d) { exclude.add(d); }); }); return; }
        highlight.push(w);
        groups.push(ex);
      });
    });
    if (!groups.length) return { hits: [], notes: notes, highlight: highlight };
    var N = DOCS.length, scores = null;
    groups.forEach(function (ex) {
      var g = new Map();
      Object.keys(ex).forEach(function (t) {
        var ps = postings(t), idf = Math.log(1 + (N - ps.size + 0.5) / (ps.size + 0.5));
        ps.forEach(function (tf, d) {
          var len = DOCS[d].len, s = ex[t] * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / IX.avg));
          g.set(d, Math.max(g.get(d) || 0, s));
        });
      });
      if (!scores) scores = g;
      else { var next = new Map(); scores.forEach(function (s, d) { if (g.has(d)) next.set(d, s + g.get(d)); }); scores = next; }
    });
    var phrases = parts.filter(function (p) { return p.phrase && !p.neg; }).map(function (p) { return p.phrase; });
    var hits = [];
    scores.forEach(function (s, d) {
      if (exclude.has(d)) return;
      var doc = DOCS[d];
      if (kind && doc.kind !== kind) return;
      if (prio && doc.prio !== prio) return;
      if (phrases.length) {
        var text = words(doc.title + ' ' + doc.snippet).join(' ');
        if (!phrases.every(function (ph) { return text.indexOf(ph) >= 0; })) return;
      }
      hits.push([s, d]);
    });
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return { hits: hits, notes: notes, highlight: highlight };
  }

  function marked(text, ws) {
    var span = document.createElement('span');
    if (!ws.length) { span.textContent = text; return span; }
    var re = new RegExp('(' + ws.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('|') + ')[\\p{L}\\p{N}_]*', 'giu');
    var last = 0, m;
    while ((m = re.exec(text))) {
      var before = text.charAt(m.index - 1);
      if (m.index > 0 && /[\p{L}\p{N}_]/u.test(before)) continue;
      span.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement('mark'); mark.textContent = m[0]; span.appendChild(mark);
      last = m.index + m[0].length;
    }
    span.appendChild(document.createTextNode(text.slice(last)));
    return span;
  }

  var q = $('q'), kindSel = $('kind'), prioSel = $('priority'), status = $('status'), results = $('results');
  function run() {
    var r = search(q.value, kindSel.value, prioSel.value);
    results.textContent = '';
    r.hits.slice(0, 50).forEach(function (h) {
      var doc = DOCS[h[1]], li = document.createElement('li'), a = document.createElement('a');
      a.href = doc.path + (doc.anchor ? '#' + doc.anchor : '');
      a.appendChild(marked(doc.title, r.highlight)); li.appendChild(a);
      var meta = document.createElement('div'); meta.className = 'meta';
      meta.textContent = [doc.kind, doc.prio, doc.date].filter(Boolean).join(' · ');
      li.appendChild(meta);
      if (doc.snippet) { var sn = document.createElement('div'); sn.className = 'detail'; sn.appendChild(marked(doc.snippet, r.highlight)); li.appendChild(sn); }
      results.appendChild(li);
    });
    var msg = q.value.trim() ? r.hits.length + (r.hits.length === 1 ? ' result' : ' results') : '';
    if (r.notes.length) msg += ' · no exact match, showing results for: ' + r.notes.join(', ');
    status.textContent = msg;
  }
  var params = new URLSearchParams(location.search);
  q.value = params.get('q') || ''; kindSel.value = params.get('kind') || ''; prioSel.value = params.get('priority') || '';
  var timer;
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  form.addEventListener('change', run);
  run();
})();
