import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The built console: web/dist of the @hub/web workspace. */
export const webDistDir = () => join(dirname(createRequire(import.meta.url).resolve('@hub/web/package.json')), 'dist');
