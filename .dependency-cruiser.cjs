/**
 * The module rules of ARCHITECTURE.md, checked on every CI run:
 * platform/ knows no business module, and a module reaches another only through its index.ts.
 */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'platform/ holds mechanisms without business words; it must not depend on a module.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'platform-imports-no-app',
      comment: 'platform/ must not depend on the application that assembles it.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(app|main|migrations|cli/)' },
    },
    {
      name: 'module-through-index-only',
      comment: "A module reaches another module only through that module's index.ts (its public face).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/.+',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-test',
      comment: 'Production code must not import test support.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^web/' },
  },
};
