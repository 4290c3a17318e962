// Sphinx's doctools.js compiles the catalog's plural expression with
// `new Function`, which the pages' Content-Security-Policy (no 'unsafe-eval')
// forbids: the same, without evaluating a string (see sphinxext/csp.py).
if (typeof Documentation !== "undefined") {
  Documentation.addTranslations = (catalog) => {
    Object.assign(Documentation.TRANSLATIONS, catalog.messages);
    const single = String(catalog.plural_expr).trim() === "0"; // Vietnamese: one form
    Documentation.PLURAL_EXPR = (n) => (single ? 0 : n === 1 ? 0 : 1);
    Documentation.LOCALE = catalog.locale;
  };
}
