// Every schema in the library imports zod from here: `import * as z from '../core/zod.js'`.
// zod 4 probes `new Function` the first time an object schema is defined, to decide on its JIT
// parser; a strict Content-Security-Policy (no 'unsafe-eval') reports that probe as a violation
// even though zod catches it. Running jitless before any schema exists keeps a portal's CSP
// reports clean. (`export *`, not a namespace object, so bundlers still drop what is unused.)
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// English messages ("Too small: expected string to have >=1 characters") instead of "Invalid input".
config({ jitless: true, ...en() });

export * from 'zod/mini';
