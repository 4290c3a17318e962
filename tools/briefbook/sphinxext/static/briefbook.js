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
