/*
 * The root `postinstall` (so `npm ci` and `npm install`): builds PGlite's empty cluster once per
 * PGlite version (see ../pgliteTemplate.ts). Any failure only warns, loading included: without the
 * template, new databases run PGlite's own initdb, slower and heavier, and the install succeeds.
 */
export {}; // a module (top-level await); PGlite itself is loaded inside the try
try {
  const started = Date.now();
  const { buildPgliteTemplate } = await import('../pgliteTemplate');
  const { dir, built } = await buildPgliteTemplate();
  console.log(
    built ? `[hub] PGlite's empty cluster built in ${Date.now() - started} ms: ${dir}` : `[hub] PGlite's empty cluster is there: ${dir}`,
  );
} catch (e) {
  console.warn(
    `[hub] could not build PGlite's empty cluster (new embedded databases will run initdb instead): ${e instanceof Error ? e.message : String(e)}`,
  );
}
