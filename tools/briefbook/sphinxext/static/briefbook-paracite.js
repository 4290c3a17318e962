/* briefbook: "cite this paragraph". A click on a paragraph's ¶ opens, after
   the paragraph, its reference, BibTeX, permalink and PDF page, with copy
   buttons (see briefbook/sphinxext/paracite.py). Text is set with
   textContent only: the article's words stay data. */
(function () {
  "use strict";
  var PERMALINK = "__BRIEFBOOK_PERMALINK__";
  var ACCESSED = "__BRIEFBOOK_ACCESSED__";
  var EDITION = "BRIEFBOOKEDITION";
  var PARA = "BRIEFBOOKPARA";
  var PAGE = "BRIEFBOOKPAGE";
  var PKEY = "BRIEFBOOKPKEY";

  function fill(template, values) {
    var out = template;
    Object.keys(values).forEach(function (key) { out = out.split(key).join(values[key]); });
    return out;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function edition() {
    if (window.BRIEFBOOK_EDITION) { return window.BRIEFBOOK_EDITION; }
    var span = document.querySelector(".briefbook-edition");
    return span ? span.textContent : "";
  }

  // The section's "cite this" block: the templates for its paragraphs.
  function sectionBlock(paragraph) {
    var section = paragraph.closest("section");
    while (section) {
      var block = section.querySelector(":scope > details.briefbook-cite[data-ptext]");
      if (block) { return block; }
      section = section.parentElement ? section.parentElement.closest("section") : null;
    }
    return null;
  }

  function panelFor(link, paragraph, block) {
    var api = window.briefbookCite;
    var id = paragraph.id;
    var number = link.textContent.replace("¶", "").trim();
    var page = link.getAttribute("data-page") || "";
    var url = api.permalink({ getAttribute: function (name) {
      return name === "data-anchor" ? id : block.getAttribute(name);
    } });
    var date = api.today();
    var common = {};
    common[PERMALINK] = url;
    common[EDITION] = edition();
    common[PARA] = link.getAttribute("data-index") || "";
    common[PKEY] = id;
    common[PAGE] = page ? ", tr. " + page + " (bản PDF)" : "";
    var text = fill(block.getAttribute("data-ptext"), Object.assign({}, common, { [ACCESSED]: date.vi }));
    var bibTemplate = block.getAttribute("data-pbibtex");
    bibTemplate = page ? bibTemplate.split(PAGE).join(page)
                       : bibTemplate.replace(/,\n\s*pages = "BRIEFBOOKPAGE"/, "");
    var bib = fill(bibTemplate, Object.assign({}, common, { [ACCESSED]: date.iso }));

    var panel = element("div", "briefbook-pcite");
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "Trích dẫn đoạn " + number);
    panel.id = id + "-cite";
    panel.appendChild(element("p", "briefbook-pcite-title", "Trích dẫn đoạn ¶ " + number));
    panel.appendChild(element("p", "briefbook-cite-text", text));
    var where = element("p", "briefbook-pcite-where");
    where.appendChild(document.createTextNode("Liên kết cố định: "));
    var anchor = element("a", "briefbook-pcite-permalink", url);
    anchor.href = url;
    where.appendChild(anchor);
    if (page) { where.appendChild(document.createTextNode(" · Trang trong bản PDF: " + page)); }
    panel.appendChild(where);
    var status = element("span", "briefbook-copied");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    [["Sao chép trích dẫn", "text"], ["Sao chép BibTeX", "bibtex"]].forEach(function (pair) {
      var button = element("button", "briefbook-copy", pair[0]);
      button.type = "button";
      button.setAttribute("data-copy", pair[1]);
      button.addEventListener("click", function () { api.copy(pair[1] === "bibtex" ? bib : text, status); });
      panel.appendChild(button);
      panel.appendChild(document.createTextNode(" "));
    });
    var close = element("button", "briefbook-pcite-close", "Đóng");
    close.type = "button";
    close.addEventListener("click", function () { closePanel(link, panel); });
    panel.appendChild(close);
    panel.appendChild(element("pre", "briefbook-cite-bibtex", bib));
    panel.appendChild(status);
    return panel;
  }

  function closePanel(link, panel) {
    panel.remove();
    link.setAttribute("aria-expanded", "false");
  }

  function toggle(link) {
    var paragraph = link.closest("p");
    var block = paragraph && sectionBlock(paragraph);
    if (!block || !window.briefbookCite) { return; }
    var open = document.getElementById(paragraph.id + "-cite");
    if (open) { closePanel(link, open); return; }
    var panel = panelFor(link, paragraph, block);
    paragraph.insertAdjacentElement("afterend", panel);
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", panel.id);
  }

  function setUp() {
    document.querySelectorAll("a.briefbook-pnum").forEach(function (link) {
      link.setAttribute("aria-expanded", "false");
      link.title = link.title.replace("liên kết cố định", "liên kết cố định và trích dẫn");
      // The link still moves to the paragraph (its permalink, highlighted).
      link.addEventListener("click", function () { toggle(link); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      document.querySelectorAll(".briefbook-pcite").forEach(function (panel) {
        var link = document.querySelector('a.briefbook-pnum[aria-controls="' + panel.id + '"]');
        if (link) { closePanel(link, panel); link.focus(); } else { panel.remove(); }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
