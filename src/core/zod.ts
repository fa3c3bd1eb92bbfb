// Every schema in the library imports zod from here: `import * as z from '../core/zod.js'`.
// (`export *`, not a namespace object, so bundlers still drop what is unused.)
//
// An app that bundles the npm entries shares its zod with the library, so nothing here changes
// zod's global settings (`z.config`): the app's language for messages, and its `jitless`, stay its
// own. The library's messages ("Too small: expected string to have >=1 characters", not "Invalid
// input", nor the app's language: they go to the console and the error box, for the developer,
// beside the library's own English) are asked for per parse: `EN`, given to every parse.
//
// Strict Content-Security-Policies: zod's JIT parser (and its `new Function` probe, which a
// policy without 'unsafe-eval' reports as a violation even though zod catches it) belongs to the
// object schemas of `zod`, not of `zod/mini`, which the library uses alone; test/zod-shared.test.ts
// fails if that changes.
import type { core } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { setParseOptions } from './issues.js';

export * from 'zod/mini';

/** Parse options for every parse of the library's: its messages in English. */
export const EN: core.ParseContext<core.$ZodIssue> = { error: en().localeError };
setParseOptions(EN);
