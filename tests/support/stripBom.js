// CommonJS twin of the ESM-only `strip-bom` that @microsoft/app-manifest requires: Node 20.19+ loads the ESM original,
// but jest's module loader cannot, so jest maps `strip-bom` here (jest.config.js).
module.exports = function stripBom(text) {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
