// as-pect: unit specs for assembly/ (run by `npm test`).
// Specs live beside the code they test: assembly/**/__tests__/*.spec.ts
export default {
  // ASP_ENTRIES=assembly/regex/__tests__/*.spec.ts runs one area only
  entries: [process.env.ASP_ENTRIES ?? "assembly/**/__tests__/**/*.spec.ts"],
  include: ["assembly/**/__tests__/**/*.include.ts"],
  disclude: [/node_modules/],
  async instantiate(memory, createImports, instantiate, binary) {
    return instantiate(binary, createImports({ env: { memory } }));
  },
  outputBinary: false,
};
