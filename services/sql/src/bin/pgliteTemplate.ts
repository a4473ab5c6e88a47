import { buildPgliteTemplate } from '../pgliteTemplate';

/*
 * The root `postinstall` (so `npm ci` and `npm install`): builds PGlite's empty cluster once per
 * PGlite version (see ../pgliteTemplate.ts). A failure only warns: without the template, new
 * databases run PGlite's own initdb, slower and heavier, and the install still succeeds.
 */
try {
  const started = Date.now();
  const { dir, tarballBytes } = await buildPgliteTemplate();
  console.log(
    `[hub] PGlite's empty cluster built in ${Date.now() - started} ms: ${dir} (tarball ${(tarballBytes / 1024 / 1024).toFixed(1)} MB)`,
  );
} catch (e) {
  console.warn(
    `[hub] could not build PGlite's empty cluster (new embedded databases will run initdb instead): ${e instanceof Error ? e.message : String(e)}`,
  );
}
