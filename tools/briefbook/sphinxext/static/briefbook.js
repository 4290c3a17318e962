/* briefbook: fill in and copy the "cite this section" blocks. */
(function () {
  "use strict";
  var PERMALINK = "__BRIEFBOOK_PERMALINK__";
  var ACCESSED = "__BRIEFBOOK_ACCESSED__";

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return { vi: pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear(),
             iso: d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) };
  }

  function permalink(block) {
    var base = block.getAttribute("data-baseurl");
    var page = window.location.pathname.split("/").pop() || "index.html";
    var url;
    if (base) {
      var root = document.documentElement.getAttribute("data-content_root") || "./";
      var path = new URL(window.location.href).pathname;
      var rootPath = new URL(root, window.location.href).pathname;
      url = base.replace(/\/?$/, "/") + path.slice(rootPath.length);
    } else {
      url = window.location.origin + window.location.pathname;
      if (!page) { url += "index.html"; }
    }
    return url + "#" + block.getAttribute("data-anchor");
  }

  function copy(text, status) {
    var done = function () { status.textContent = "Đã sao chép."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  function setUp() {
    // The current edition, also on pages written by an earlier build.
    if (window.BRIEFBOOK_EDITION) {
      document.querySelectorAll(".briefbook-edition").forEach(function (span) {
        span.textContent = window.BRIEFBOOK_EDITION;
      });
    }
    var date = today();
    document.querySelectorAll("details.briefbook-cite").forEach(function (block) {
      var link = permalink(block);
      var text = block.querySelector(".briefbook-cite-text");
      var bib = block.querySelector(".briefbook-cite-bibtex");
      text.textContent = text.textContent.split(PERMALINK).join(link).split(ACCESSED).join(date.vi);
      bib.textContent = bib.textContent.split(PERMALINK).join(link).split(ACCESSED).join(date.iso);
      var status = block.querySelector(".briefbook-copied");
      block.querySelectorAll("button.briefbook-copy").forEach(function (button) {
        button.addEventListener("click", function () {
          copy(button.getAttribute("data-copy") === "bibtex" ? bib.textContent : text.textContent, status);
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

/* briefbook: Vietnamese search results (see briefbook.sphinxext.search). */
(function () {
  "use strict";
  var FOUND = "Tìm xong: ${resultCount} trang khớp với từ khóa.";
  var VI = {
    "Search Results": "Kết quả tìm kiếm",
    "Searching": "Đang tìm",
    "Preparing search...": "Đang chuẩn bị tìm kiếm...",
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
      "Không tìm thấy trang nào khớp. Hãy kiểm tra lại các từ đã gõ.",
    "Search finished, found one page matching the search query.": [FOUND, FOUND],
    ", in ": ", trong "
  };

  // Fold one character at a time, keeping the length: the twin of fold_word.
  function foldKeepingLength(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      out += ch === "đ" || ch === "Đ" ? "d" : ch.normalize("NFD")[0].toLowerCase();
    }
    return out;
  }

  if (typeof Documentation !== "undefined" && document.documentElement.lang === "vi") {
    var missing = {};
    Object.keys(VI).forEach(function (key) {
      var have = Documentation.TRANSLATIONS[key];
      // Sphinx's catalog has some of these as "" or [""]: untranslated.
      if (!have || (Array.isArray(have) && !have.join(""))) { missing[key] = VI[key]; }
    });
    Documentation.addTranslations({ messages: missing, plural_expr: "0", locale: "vi" });
  }

  if (typeof Search !== "undefined") {
    var htmlToText = Search.htmlToText;
    // The article only, not the page's buttons and menus.
    Search.htmlToText = function (htmlString, anchor) {
      if (!anchor) {
        var doc = new DOMParser().parseFromString(htmlString, "text/html");
        doc.querySelectorAll(".headerlink, .briefbook-pnum, .briefbook-cite, script, style").forEach(function (el) { el.remove(); });
        var article = doc.querySelector('[role="main"] article');
        if (article) { return article.textContent; }
      }
      return htmlToText(htmlString, anchor);
    };
    // The snippet around the first match, found with accents folded.
    Search.makeSearchSummary = function (htmlText, keywords, anchor) {
      var text = Search.htmlToText(htmlText, anchor);
      if (!text) { return null; }
      text = text.replace(/\s+/g, " ");
      var folded = foldKeepingLength(text);
      var positions = Array.from(keywords).map(function (k) { return folded.indexOf(k); }).filter(function (i) { return i > -1; });
      var position = positions.length ? Math.min.apply(null, positions) : 0;
      var start = Math.max(position - 120, 0);
      var summary = document.createElement("p");
      summary.classList.add("context");
      summary.textContent = (start ? "..." : "") + text.substr(start, 240).trim() + (start + 240 < text.length ? "..." : "");
      return summary;
    };
  }
})();
