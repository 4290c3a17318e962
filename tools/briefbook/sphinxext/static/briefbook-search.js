/* briefbook: Vietnamese search on the search page (see briefbook.sphinxext.search).
 *
 * Sphinx's searchtools.js finds the pages: its index holds folded words
 * ("bệnh" and "benh" are one term) and a page must have every word of the
 * query. This file runs after searchtools.js, language_data.js (our Stemmer,
 * splitQuery and BRIEFBOOK_SEARCH: stop words, abbreviations) and
 * searchindex.js, and works through Sphinx's own entry points:
 *
 * - Search._parseQuery, wrapped: stop words ("và", "của", ...) are not
 *   required, unless the query has nothing else; Sphinx's highlighting,
 *   which only finds the letters as typed, gives way to ours.
 * - Search.query, wrapped: before Sphinx ranks and lists the results, the
 *   result pages (the first MAX_PAGES, in Sphinx's order) are fetched, as
 *   Sphinx does anyway for its snippets, and read into blocks: headings,
 *   paragraphs, list items..., each with the id of its anchor (the
 *   paragraph's "{slug}-p{m}", else its section's) and its section's title.
 * - Scorer.score, Sphinx's scoring hook: Sphinx's score (a word in the
 *   title counts more than in the text) plus SIGNAL points per signal found
 *   in the page: each query word (1 signal); in a query typed with accents,
 *   each word found as typed (2; "hoà" and "hòa" are the same, "hóa" and
 *   "hoa" are not); each two successive query words found side by side and
 *   in order (1, and 1 more if as typed); the whole query together
 *   (likewise); all the query words in the page's title (1); plus up to 4
 *   points for how often the words occur. SIGNAL is more than any
 *   difference of Sphinx's own scores for text and titles plus the
 *   frequency points, so one more signal always ranks a page higher
 *   (Sphinx gives an index entry, a glossary term typed as it is, 100: it
 *   stays first). Stop words neither count nor separate: "Việt Nam và
 *   Pháp" is together in "Việt Nam – Pháp". An abbreviation stands for its
 *   long form, on both sides ("BHYT" and "bảo hiểm y tế"), and its words
 *   count only all together.
 * - Search._performSearch, wrapped: one result per page, linked to the block
 *   where the query is best matched and titled "Chapter > Section".
 * - Search.makeSearchSummary, replaced: the snippet is that block, with the
 *   words found marked (those that stand together, if some do).
 *
 * A query typed without accents is matched on folded words only. Pages that
 * cannot be fetched (a book opened from file://), or beyond the first
 * MAX_PAGES, keep Sphinx's score and link (so they come after the others);
 * their snippets are still found as above.
 */
(function () {
  "use strict";
  if (typeof Search === "undefined" || typeof Scorer === "undefined") { return; }

  var MAX_PAGES = 100;  // pages fetched to rank one query
  var PARALLEL = 6;  // fetches at a time
  var TIMEOUT_MS = 10000;  // then the results are listed with what has arrived
  var SIGNAL = 20;
  var SNIPPET = 240;  // characters
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption, pre";
  // (The summary box repeats names of the text: a result links to the text.)
  var REMOVED = ".headerlink, .briefbook-pnum, .briefbook-cite, .briefbook-summary, .section-number, script, style";
  var TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;  // huyền, sắc, ngã, hỏi, nặng
  var WORD = /[\p{L}\p{M}\p{N}_]+/gu;  // the words of splitQuery

  var data = typeof BRIEFBOOK_SEARCH !== "undefined" ? BRIEFBOOK_SEARCH : { stopWords: [], synonyms: {} };
  var stemmer = new Stemmer();

  /* The index's form of a word: lower case, no accents, đ to d. */
  function fold(word) { return stemmer.stemWord(word.toLowerCase()); }

  /* The word as written, lower case, with its tone moved to the end: "hoà"
   * and "hòa" are the same, "hóa" and "hoa" are not. */
  function exactKey(word) {
    var decomposed = word.normalize("NFD").toLowerCase();
    var tones = decomposed.match(TONE_MARKS);
    return decomposed.replace(TONE_MARKS, "").normalize("NFC") + (tones ? tones.join("") : "");
  }

  function hasMarks(word) { return fold(word) !== word.normalize("NFC").toLowerCase(); }

  var STOP_EXACT = new Set(data.stopWords.map(exactKey));
  var STOP_FOLDED = new Set(data.stopWords.map(fold));
  var SYNONYMS = data.synonyms;  // folded abbreviation -> words of its long form

  /* ---- The query ------------------------------------------------------ */

  /* required: the folded words a page must have (Sphinx's search terms);
   * units: the words that count in the ranking, in order, each {f: folded,
   * x: exactKey, typed: to be found as typed, optional: may be a stop word,
   * group: for the words of an abbreviation's long form, {start, length}
   * of its units}; first, last: the first and last unit that is not
   * optional. A query typed with accents is taken as typed, all of it
   * ("Nam" is not "năm" there), and its stop words are known ("và"): they
   * are left out. Typed without, it is matched folded, and "va" may be "và"
   * or "vá": it is optional, neither required nor counted, but it may
   * stand in a phrase. */
  function parseQuery(query) {
    var typed = splitQuery(query.trim()).filter(function (w) { return !/^\d+$/.test(w); });
    var accented = typed.some(hasMarks);
    var words = typed.map(function (w) {
      var stop = accented && STOP_EXACT.has(exactKey(w));
      return { f: fold(w), x: exactKey(w), stop: stop,
               optional: accented ? stop : STOP_FOLDED.has(fold(w)) };
    });
    if (words.every(function (w) { return w.optional; })) {
      words.forEach(function (w) { w.stop = w.optional = false; });
    }
    var units = [];
    words.forEach(function (w) {
      if (w.stop) { return; }
      var long = Object.prototype.hasOwnProperty.call(SYNONYMS, w.f) &&
        SYNONYMS[w.f].filter(function (l) { return !STOP_EXACT.has(exactKey(l)); });
      if (long && long.length) {
        var group = { start: units.length, length: long.length };
        long.forEach(function (l) {
          units.push({ f: fold(l), x: exactKey(l), typed: false, optional: false, group: group });
        });
      } else {
        units.push({ f: w.f, x: w.x, typed: accented, optional: w.optional, group: null });
      }
    });
    var required = new Set(words.filter(function (w) { return !w.optional; }).map(function (w) { return w.f; }));
    var counted = units.map(function (u, i) { return u.optional ? -1 : i; }).filter(function (i) { return i >= 0; });
    return {
      required: required,
      units: units,
      folded: new Set(units.map(function (u) { return u.f; })),
      first: counted.length ? counted[0] : 0,
      last: counted.length ? counted[counted.length - 1] : units.length - 1,
      abbreviations: abbreviationsIn(words, units)
    };
  }

  /* The abbreviations that stand for words of the query: typed, or whose
   * whole long form is in it. In a page, only these become their long
   * forms: "FFI" is not "hòa" because its long form has "Cộng hòa". */
  function abbreviationsIn(words, units) {
    var found = new Set(words.map(function (w) { return w.f; }).filter(function (f) {
      return Object.prototype.hasOwnProperty.call(SYNONYMS, f);
    }));
    var counted = units.filter(function (u) { return !u.optional; });
    var query = " " + counted.map(function (u) { return u.f; }).join(" ") + " ";
    Object.keys(SYNONYMS).forEach(function (abbr) {
      var long = SYNONYMS[abbr].filter(function (w) { return !STOP_EXACT.has(exactKey(w)); }).map(fold);
      if (long.length && query.indexOf(" " + long.join(" ") + " ") >= 0) { found.add(abbr); }
    });
    return found;
  }

  /* ---- The pages ------------------------------------------------------ */

  /* Words with their place in the text; an abbreviation with the words of
   * its long form. */
  var known = new Map();  // word -> {f, x, long}: a book has few distinct words

  function tokenize(text) {
    var tokens = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var word = match[0];
      var forms = known.get(word);
      if (!forms) {
        var folded = fold(word);
        var long = Object.prototype.hasOwnProperty.call(SYNONYMS, folded) ? SYNONYMS[folded] : null;
        forms = { f: folded, x: exactKey(word),
                  long: long && long.map(function (w) { return { f: fold(w), x: exactKey(w) }; }) };
        known.set(word, forms);
      }
      tokens.push({ f: forms.f, x: forms.x, start: match.index, end: match.index + word.length, long: forms.long });
    }
    return tokens;
  }

  /* The block's words for this query: the abbreviations that stand for
   * words of the query (all, if every is true) replaced by their long
   * forms, all in the abbreviation's place. */
  function wordsFor(block, query, every) {
    var words = [];
    block.tokens.forEach(function (token) {
      if (token.long && (every || query.abbreviations.has(token.f))) {
        token.long.forEach(function (w) { words.push({ f: w.f, x: w.x, start: token.start, end: token.end }); });
      } else {
        words.push(token);
      }
    });
    return words;
  }

  function headingOf(section) {
    var heading = section.querySelector(
      ":scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
    return heading ? heading.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* The id a link to the block should carry: a heading's section's; else
   * the block's own, or the nearest before it in its section (a paragraph's
   * "{slug}-p{m}", a glossary term's), or its section's; none for the
   * page's top section (the link goes to the page). */
  function anchorOf(element, top) {
    if (/^H[1-6]$/.test(element.tagName)) {
      var section = element.closest("section");
      return section && section !== top ? section.id : "";
    }
    for (var node = element; node && node !== top; node = node.parentElement) {
      if (node.id) { return node.id; }
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) { break; }  // not the labels before the heading
        if (before.id) { return before.id; }
        var inside = before.querySelectorAll("[id]");
        if (inside.length) { return inside[inside.length - 1].id; }
      }
    }
    return "";
  }

  /* A page, as blocks of text with their anchor and section. Only its
   * article is parsed, if it has one: the navigation is most of a page. */
  function readPage(html) {
    var start = html.search(/<article[\s>]/);
    var end = html.lastIndexOf("</article>");
    if (start >= 0 && end > start) {
      html = '<div role="main">' + html.slice(start, end + "</article>".length) + "</div>";
    }
    var doc = new DOMParser().parseFromString(html, "text/html");
    var main = doc.querySelector('[role="main"]');
    if (!main) { return null; }
    var root = main.querySelector("article") || main;
    root.querySelectorAll(REMOVED).forEach(function (el) { el.remove(); });
    var top = root.querySelector("section");
    var blocks = [];
    root.querySelectorAll(BLOCKS).forEach(function (element) {
      if (element.querySelector(BLOCKS)) { return; }  // its text is in the inner blocks
      var text = element.textContent.replace(/\s+/g, " ").trim().normalize("NFC");
      if (!text) { return; }
      var section = element.closest("section");
      blocks.push({
        text: text,
        tokens: tokenize(text),
        anchor: anchorOf(element, top),
        section: section && section !== top ? headingOf(section) : "",
        title: section === top && /^H[1-6]$/.test(element.tagName)  // the page's title
      });
    });
    return { blocks: blocks };
  }

  function pageUrl(docname) {
    var root = document.documentElement.dataset.content_root || "";
    if (DOCUMENTATION_OPTIONS.BUILDER === "dirhtml") {
      var dirname = docname + "/";
      if (dirname.match(/\/index\/$/)) { dirname = dirname.substring(0, dirname.length - 6); }
      else if (dirname === "index/") { dirname = ""; }
      return root + dirname;
    }
    return root + docname + DOCUMENTATION_OPTIONS.FILE_SUFFIX;
  }

  var pages = new Map();  // docname -> page (null: could not be read)

  /* Opened from file://, a page may not read the others (the browser
   * refuses, and logs a CORS error for each): nothing is fetched, and the
   * reader is told why the results are plain and how to get them ranked. */
  var FROM_FILE = window.location.protocol === "file:";
  var FILE_HINT = "Sổ tay đang được mở trực tiếp từ tệp (file://), nên trình duyệt không cho " +
    "trang tìm kiếm đọc các chương: kết quả không được xếp hạng và không có đoạn trích. " +
    "Để tìm đầy đủ, hãy mở sổ tay qua một máy chủ web, ví dụ chạy " +
    "“python3 -m http.server” trong thư mục _build/html rồi mở http://localhost:8000/search.html.";

  function showFileHint() {
    if (!FROM_FILE || document.querySelector(".briefbook-file-hint")) { return; }
    // Sphinx's own snippets fetch each result's page too.
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
    var results = document.getElementById("search-results");
    if (!results || !results.parentNode) { return; }
    var hint = document.createElement("p");
    hint.className = "briefbook-file-hint";
    hint.setAttribute("role", "note");
    hint.textContent = FILE_HINT;
    results.parentNode.insertBefore(hint, results);
  }

  function loadPages(docnames) {
    var queue = docnames.filter(function (d) { return !pages.has(d); });
    if (FROM_FILE) {
      queue.forEach(function (d) { pages.set(d, null); });
      return Promise.resolve();
    }
    function next() {
      var docname = queue.shift();
      if (docname === undefined) { return Promise.resolve(); }
      return fetch(pageUrl(docname))
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { pages.set(docname, html ? readPage(html) : null); },
              function () { pages.set(docname, null); })
        .then(next);
    }
    var workers = [];
    for (var i = 0; i < PARALLEL; i++) { workers.push(next()); }
    var timeout = new Promise(function (resolve) { setTimeout(resolve, TIMEOUT_MS); });
    return Promise.race([Promise.all(workers), timeout]);
  }

  /* ---- Ranking -------------------------------------------------------- */

  /* For each word of the block, the query words (unit numbers) it is. */
  function matchUnits(words, query) {
    return words.map(function (word) {
      var found = [];
      if (query.folded.has(word.f)) {
        query.units.forEach(function (unit, i) { if (unit.f === word.f) { found.push(i); } });
      }
      return found;
    });
  }

  /* next[p]: the word after p that counts (stop words stand between the
   * words of a phrase); reach[p][i]: the last query word (unit number) of
   * the run of query words that follow each other from unit i at word p,
   * where a word that may be a stop word ("va") may be left out; -1 if word
   * p is not unit i as typed, when exactly. */
  function chain(words, matches, query, exactly) {
    var units = query.units;
    var next = new Array(words.length);
    var reach = new Array(words.length);
    var following = -1;
    for (var p = words.length - 1; p >= 0; p--) {
      next[p] = following;
      if (matches[p].length || !STOP_EXACT.has(words[p].x)) { following = p; }
    }
    function asTyped(p, i) { return !exactly || !units[i].typed || words[p].x === units[i].x; }
    for (p = words.length - 1; p >= 0; p--) {
      reach[p] = {};
      matches[p].forEach(function (i) {
        if (!asTyped(p, i)) { reach[p][i] = -1; return; }
        reach[p][i] = i;
        var q = next[p];
        for (var j = i + 1; q >= 0 && j < units.length; j++) {
          if (matches[q].indexOf(j) >= 0 && reach[q][j] >= 0) { reach[p][i] = reach[q][j]; break; }
          if (!units[j].optional) { break; }
        }
      });
    }
    return { next: next, reach: reach };
  }

  /* What one block has of the query. */
  function examine(block, query, every) {
    var units = query.units;
    var n = units.length;
    var words = wordsFor(block, query, every);
    var matches = matchUnits(words, query);
    var folded = chain(words, matches, query, false);
    // The words of an abbreviation's long form count only all together.
    if (units.some(function (u) { return u.group; })) {
      var valid = words.map(function () { return new Set(); });
      matches.forEach(function (found, p) {
        found.forEach(function (i) {
          var group = units[i].group;
          if (!group) { valid[p].add(i); return; }
          if (i !== group.start || folded.reach[p][i] < i + group.length - 1) { return; }
          for (var k = 0, q = p; k < group.length; k++, q = folded.next[q]) { valid[q].add(i + k); }
        });
      });
      matches = matches.map(function (found, p) { return found.filter(function (i) { return valid[p].has(i); }); });
      folded = chain(words, matches, query, false);
    }
    var exact = chain(words, matches, query, true);
    var result = {
      found: new Array(n).fill(false),
      asTyped: new Array(n).fill(false),  // found with the accents as typed
      pairs: new Set(),
      exactPairs: new Set(),
      whole: false,
      exactWhole: false,
      spans: [],
      count: 0
    };
    // The whole query: a run over every word that is not a possible stop word.
    function whole(i, last) { return last > i && i <= query.first && last >= query.last; }
    matches.forEach(function (found, p) {
      if (found.length) { result.count++; }
      found.forEach(function (i) {
        var last = folded.reach[p][i];
        var exactLast = exact.reach[p][i];
        result.found[i] = true;
        if (exactLast >= 0) { result.asTyped[i] = true; }
        if (last > i) { result.pairs.add(i); }
        if (exactLast > i) { result.exactPairs.add(i); }
        if (whole(i, last)) { result.whole = true; }
        if (whole(i, exactLast)) { result.exactWhole = true; }
      });
    });
    // What to mark: the words that stand together (as typed, if they do
    // so), else each word (as typed, where the block has it so).
    var runs = result.exactPairs.size ? exact : folded;
    var together = words.map(function () { return new Set(); });
    var inRun = new Set();
    matches.forEach(function (found, p) {
      found.forEach(function (i) {
        if (runs.reach[p][i] > i) {
          walk(runs, matches, units, p, i, function (q, j) { together[q].add(j); inRun.add(j); });
        }
      });
    });
    matches.forEach(function (found, p) {
      if (found.some(function (i) {
        return together[p].has(i) || (!inRun.has(i) && (exact.reach[p][i] >= 0 || !result.asTyped[i]));
      })) {
        result.spans.push([words[p].start, words[p].end]);
      }
    });
    return result;
  }

  /* Visit the words of the run from unit i at word p (see chain). */
  function walk(runs, matches, units, p, i, visit) {
    visit(p, i);
    var q = runs.next[p];
    for (var j = i + 1; q >= 0 && j < units.length; j++) {
      if (matches[q].indexOf(j) >= 0 && runs.reach[q][j] >= 0) { walk(runs, matches, units, q, j, visit); return; }
      if (!units[j].optional) { return; }
    }
  }

  function count(flags) { return flags.filter(Boolean).length; }

  /* The ranking signals of what was found (see the top of this file); a
   * word that may be a stop word ("va") only counts next to the others. */
  function signals(found, units) {
    var counted = found.found.filter(function (f, i) { return !units[i].optional; });
    var exact = found.asTyped.filter(function (e, i) { return units[i].typed; });
    return count(counted) + 2 * count(exact) + found.pairs.size + found.exactPairs.size
      + (found.whole ? 1 : 0) + (found.exactWhole ? 1 : 0);
  }

  /* The page's score bonus, and its best block (the first of the best;
   * not the page's title, unless nothing else has the words) among those
   * with the given anchor (any, if none has it). All the words in the
   * page's title (as typed) are one more signal. A page that has the words
   * only in the long forms of other abbreviations (Sphinx's index finds it:
   * "FFI" is also indexed under "hoa") gets no bonus, but its best block
   * still shows why it was found. */
  function rankPage(page, query, anchor) {
    var rank = rankBlocks(page, query, anchor, false);
    if (!rank.best) { rank.best = rankBlocks(page, query, anchor, true).best; }
    return rank;
  }

  function rankBlocks(page, query, anchor, every) {
    var units = query.units;
    var n = units.length;
    var total = { found: new Array(n).fill(false), asTyped: new Array(n).fill(false),
                  pairs: new Set(), exactPairs: new Set(), whole: false, exactWhole: false };
    var inTitle = false;
    var hits = 0;
    var best = null;
    var bestSignals = 0;
    var restricted = anchor && page.blocks.some(function (b) { return b.anchor === anchor; });
    page.blocks.forEach(function (block) {
      var found = examine(block, query, every);
      if (!found.count) { return; }
      hits += found.count;
      for (var i = 0; i < n; i++) {
        total.found[i] = total.found[i] || found.found[i];
        total.asTyped[i] = total.asTyped[i] || found.asTyped[i];
      }
      found.pairs.forEach(function (i) { total.pairs.add(i); });
      found.exactPairs.forEach(function (i) { total.exactPairs.add(i); });
      total.whole = total.whole || found.whole;
      total.exactWhole = total.exactWhole || found.exactWhole;
      if (block.title && found.asTyped.every(function (t, i) { return t || units[i].optional; })) {
        inTitle = true;
      }
      var s = signals(found, units) + (block.title ? 0 : 1000);
      if ((!restricted || block.anchor === anchor) && s > bestSignals) {
        best = { block: block, found: found };
        bestSignals = s;
      }
    });
    var bonus = SIGNAL * (signals(total, units) + (inTitle ? 1 : 0)) + Math.min(4, Math.floor(Math.log2(1 + hits)));
    return { bonus: bonus, best: best };
  }

  var current = null;  // {query, ranks: docname -> rank} once the pages are read

  function rankOf(docname) {
    if (!current) { return null; }
    if (!current.ranks.has(docname)) {
      var page = pages.get(docname);
      current.ranks.set(docname, page ? rankPage(page, current.query, "") : null);
    }
    return current.ranks.get(docname);
  }

  var docTitles = null;

  function docTitle(docname) {
    if (!docTitles) {
      docTitles = new Map();
      Search._index.docnames.forEach(function (d, i) { docTitles.set(d, Search._index.titles[i]); });
    }
    return docTitles.get(docname) || docname;
  }

  /* ---- Sphinx's entry points ------------------------------------------ */

  var sphinxParseQuery = Search._parseQuery;
  Search._parseQuery = function (query) {
    var parsed = sphinxParseQuery(query);
    var required = parseQuery(query).required;
    if (required.size) {
      parsed[1].forEach(function (term) { if (!required.has(term)) { parsed[1].delete(term); } });
    }
    parsed[3].clear();  // highlighting: ours, in makeSearchSummary
    return parsed;
  };

  var sphinxScore = Scorer.score;
  Scorer.score = function (result) {
    var score = sphinxScore ? sphinxScore(result) : result[4];
    var rank = rankOf(result[0]);
    return rank ? score + rank.bonus : score;
  };

  var sphinxPerformSearch = Search._performSearch;
  Search._performSearch = function () {
    var results = sphinxPerformSearch.apply(Search, arguments);
    if (!current) { return results; }
    var seen = new Set();
    var kept = [];
    for (var i = results.length - 1; i >= 0; i--) {  // the best first
      var result = results[i];
      if (seen.has(result[0])) { continue; }
      seen.add(result[0]);
      var rank = rankOf(result[0]);
      if (rank && rank.best && result[6] !== "index" && result[6] !== "object") {
        var block = rank.best.block;
        result[1] = docTitle(result[0]) + (block.section ? " > " + block.section : "");
        result[2] = block.anchor ? "#" + block.anchor : "";
      }
      kept.push(result);
    }
    return kept.reverse();
  };

  var sphinxQuery = Search.query;
  var generation = 0;
  Search.query = function (query) {
    showFileHint();
    var mine = ++generation;
    current = null;
    var parsed = Search._parseQuery(query);
    var results = sphinxPerformSearch(parsed[0], parsed[1], parsed[2], parsed[3], parsed[4]);
    var docnames = [];
    for (var i = results.length - 1; i >= 0 && docnames.length < MAX_PAGES; i--) {
      if (docnames.indexOf(results[i][0]) < 0) { docnames.push(results[i][0]); }
    }
    loadPages(docnames).then(function () {
      if (mine !== generation) { return; }
      current = { query: parseQuery(query), ranks: new Map() };
      sphinxQuery(query);
    });
  };

  /* The snippet: the block the result links to, the words found marked. */
  function snippet(block, found) {
    var text = block.text;
    var spans = found.spans;
    var start = 0;
    var end = text.length;
    if (text.length > SNIPPET) {
      start = Math.max(0, (spans.length ? spans[0][0] : 0) - SNIPPET / 3);
      if (start > 0) { start = text.indexOf(" ", start) + 1 || start; }
      end = Math.min(text.length, start + SNIPPET);
      if (end < text.length) { end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end; }
    }
    var summary = document.createElement("p");
    summary.classList.add("context");
    if (start > 0) { summary.appendChild(document.createTextNode("… ")); }
    var at = start;
    spans.forEach(function (span) {
      if (span[0] < at || span[1] > end) { return; }  // outside, or a part of one already marked
      summary.appendChild(document.createTextNode(text.slice(at, span[0])));
      var mark = summary.appendChild(document.createElement("mark"));
      mark.className = "highlighted";
      mark.textContent = text.slice(span[0], span[1]);
      at = span[1];
    });
    summary.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) { summary.appendChild(document.createTextNode(" …")); }
    return summary;
  }

  var sphinxSummary = Search.makeSearchSummary;
  Search.makeSearchSummary = function (htmlText, keywords, anchor) {
    if (current) {
      var name = /DOCUMENTATION_OPTIONS\.pagename = '([^']*)'/.exec(htmlText);
      var page = (name && pages.get(name[1])) || readPage(htmlText);
      var rank = page ? rankPage(page, current.query, (anchor || "").replace(/^#/, "")) : null;
      if (rank && rank.best) { return snippet(rank.best.block, rank.best.found); }
    }
    return sphinxSummary(htmlText, keywords, anchor);
  };
})();
