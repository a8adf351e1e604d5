// The import rules that keep the layers (README "Folder map"), run by `npm run lint`.
// Worker, top to bottom: index.ts/scheduled.ts → app.ts → routes/ (+ middleware/ beside them) → services/
// → db/ → lib/ and shared/. jobs/ run the scheduled work through services/ and db/. An arrow may skip a
// layer downwards; none may run back up. worker/env.ts holds the bindings' types and is usable from anywhere.
// Extension, by surface: entrypoints/<name> only mounts its surface → popup/ inbox/ dashboard/ admin/ background/
// (never each other) → ui/ (shared UI: imports only lib/) → lib/ (no UI, no surface) → shared/. No cycles anywhere.
// test/lint/layers.test.ts plants a violation of each kind and checks that these rules fail on it.

/** The worker layers, each with what it may not import. */
const layer = (name, from, forbidden) => ({
  name,
  comment: `${from} must not import ${forbidden.join(', ')}: that arrow runs back up the layers`,
  severity: 'error',
  from: { path: `^worker/${from}` },
  to: { path: forbidden.map((f) => `^worker/${f}`) },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: two modules that each need the other cannot be read (or moved) apart.',
      severity: 'error',
      from: { path: '^(worker|shared|extension)/' },
      to: { circular: true },
    },
    layer('lib-knows-no-domain', 'lib/', [
      'services/',
      'db/',
      'routes/',
      'middleware/',
      'jobs/',
      'app\\.ts',
      'index\\.ts',
      'scheduled\\.ts',
    ]),
    layer('db-is-only-sql', 'db/', [
      'services/',
      'routes/',
      'middleware/',
      'jobs/',
      'app\\.ts',
      'index\\.ts',
      'scheduled\\.ts',
    ]),
    layer('services-below-routes', 'services/', [
      'routes/',
      'middleware/',
      'jobs/',
      'app\\.ts',
      'index\\.ts',
      'scheduled\\.ts',
    ]),
    layer('middleware-beside-routes', 'middleware/', ['routes/', 'jobs/', 'app\\.ts', 'index\\.ts', 'scheduled\\.ts']),
    layer('routes-below-app', 'routes/', ['jobs/', 'app\\.ts', 'index\\.ts', 'scheduled\\.ts']),
    layer('jobs-below-scheduled', 'jobs/', ['routes/', 'middleware/', 'app\\.ts', 'index\\.ts', 'scheduled\\.ts']),
    // messages/: what a digest or alert says and how each platform is sent it; the API builds the content,
    // curbside-sender (sender.ts) the rest. It knows nothing above lib/.
    layer('messages-below-services', 'messages/', [
      'services/',
      'db/',
      'routes/',
      'middleware/',
      'jobs/',
      'app\\.ts',
      'index\\.ts',
      'scheduled\\.ts',
      'sender\\.ts',
    ]),
    layer('env-is-types-only', 'env\\.ts', ['lib/', 'db/', 'services/', 'routes/', 'middleware/', 'jobs/', 'app\\.ts']),
    // Extension, by surface: entrypoints/ (mount only) → popup|inbox|dashboard|admin|background → ui/ → lib/ → shared/.
    {
      name: 'ext-surfaces-apart',
      comment:
        'A surface (popup, inbox, dashboard, admin, background) never imports another: what two share goes to ui/ or lib/.',
      severity: 'error',
      from: { path: '^extension/(popup|inbox|dashboard|admin|background)/' },
      to: { path: '^extension/(popup|inbox|dashboard|admin|background)/', pathNot: '^extension/$1/' },
    },
    {
      name: 'ext-ui-only-lib',
      comment: 'ui/ holds pieces any surface may use, so it imports only ui/, lib/ and shared/.',
      severity: 'error',
      from: { path: '^extension/ui/' },
      to: { path: '^extension/', pathNot: '^extension/(ui|lib)/' },
    },
    {
      name: 'ext-lib-knows-no-ui',
      comment: 'lib/ holds helpers with no UI and no surface: it imports only lib/ and shared/.',
      severity: 'error',
      from: { path: '^extension/lib/' },
      to: { path: '^extension/', pathNot: '^extension/lib/' },
    },
    {
      name: 'ext-entrypoint-mounts-its-surface',
      comment: 'entrypoints/<name> only mounts its own surface (the side panel mounts the inbox).',
      severity: 'error',
      from: { path: '^extension/entrypoints/([^/.]+)', pathNot: '^extension/entrypoints/sidepanel/' },
      to: { path: '^extension/(popup|inbox|dashboard|admin|background)/', pathNot: '^extension/$1/' },
    },
    {
      name: 'ext-sidepanel-mounts-inbox',
      comment: 'The side panel is the inbox in Chrome and Edge; it mounts nothing else.',
      severity: 'error',
      from: { path: '^extension/entrypoints/sidepanel/' },
      to: { path: '^extension/(popup|dashboard|admin|background)/' },
    },
    {
      name: 'ext-nothing-imports-entrypoints',
      comment: 'Entrypoints are leaves WXT builds from; code lives in the surfaces.',
      severity: 'error',
      from: { path: '^extension/', pathNot: '^extension/entrypoints/' },
      to: { path: '^extension/entrypoints/' },
    },
    {
      name: 'extension-not-worker',
      comment: 'The extension talks to the worker over HTTP (the typed client), never by importing its code.',
      severity: 'error',
      from: { path: '^extension/' },
      to: { path: '^worker/' },
    },
    {
      name: 'detector-in-its-own-worker',
      comment:
        'The identifier detector (shared/phi*) runs in the curbside-detector Worker (worker/detector.ts); the API ' +
        'asks it over env.DETECTOR, so its name lists stay out of the API bundle. Its types may be imported.',
      severity: 'error',
      from: { path: '^worker/', pathNot: '^worker/detector\\.ts$' },
      to: { path: '^shared/phi', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sender-in-its-own-worker',
      comment:
        'The platform builders and their libraries (Adaptive Cards, MIME) run in the curbside-sender Worker ' +
        '(worker/sender.ts); the API sends over env.SENDER, so they stay out of the API bundle. Types may be imported.',
      severity: 'error',
      from: { path: '^worker/', pathNot: '^worker/(sender\\.ts|messages/(send|email|slack|teams)\\.ts)$' },
      to: {
        path: '^worker/messages/(send|email|slack|teams)\\.ts$|(^|node_modules/)(mimetext|@microsoft/teams\\.cards)(/|$)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'verifier-in-its-own-worker',
      comment:
        'ID tokens are verified with jose in the curbside-verifier Worker (worker/verifier.ts); the API asks it ' +
        'over env.VERIFIER, so jose stays out of the API bundle. Its types may be imported.',
      severity: 'error',
      from: { path: '^worker/', pathNot: '^worker/verifier\\.ts$' },
      to: { path: '(^|node_modules/)jose(/|$)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-imports-neither-side',
      comment: 'shared/ is used by both sides, so it imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(worker|extension)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Packages are left out, except those a rule keeps in their own Worker (jose, mimetext, teams.cards),
    // so an import of one from the API is seen (doNotFollow still stops at them).
    exclude: {
      path: '(^|/)(\\.output|\\.wxt|\\.wrangler)/|(^|/)node_modules/(?!(jose|mimetext|@microsoft/teams\\.cards)/)',
    },
    // Type-only imports count: a cycle or a back arrow through types is still one to read around.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
  },
};
