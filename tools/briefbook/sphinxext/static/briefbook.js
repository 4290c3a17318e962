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

  // pydata-sphinx-theme 0.20 binds its sidebar dialog (and sphinx-book-theme
  // its wide-screen collapse) to the first ".primary-toggle" only: the one in
  // the theme's top header, which the book hides. The article header's ☰,
  // the one a reader sees, did nothing (pydata-sphinx-theme#2451,
  // sphinx-book-theme#988). It passes its clicks on to the bound one.
  function forwardSidebarToggles() {
    ["primary", "secondary"].forEach(function (side) {
      var toggles = document.querySelectorAll("." + side + "-toggle");
      var bound = toggles[0];
      Array.prototype.slice.call(toggles, 1).forEach(function (button) {
        button.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          bound.click();
        });
      });
    });
  }

  function setUp() {
    forwardSidebarToggles();
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

  // For briefbook-paracite.js (the paragraph citations).
  window.briefbookCite = { copy: copy, permalink: permalink, today: today };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
