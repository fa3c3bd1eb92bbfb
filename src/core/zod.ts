// Every schema in the library imports zod from here. zod 4 probes `new Function` the first time
// an object schema is defined, to decide on its JIT parser; a strict Content-Security-Policy
// (no 'unsafe-eval') reports that probe as a violation even though zod catches it. Running
// jitless before any schema exists keeps a portal's CSP reports clean.
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
