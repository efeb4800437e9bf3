/*
 * Import cycles are refused across the whole source tree, type-only imports included: a cycle means
 * two files each need the other, and one of them is holding what belongs to a third (a domain rule
 * kept in a presenter, a type kept beside its user). The other boundaries live in eslint.config.js.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Move what both files need into a third, or let one of them stop needing the other.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
  },
};
