import type { LocaleTable, StringTable } from '../../src/core/i18n/i18n.js';
import { strings as assessmentStrings } from '../../src/components/assessment/strings.js';
import { strings as criterionCardStrings } from '../../src/components/criterion-card/strings.js';
import { strings as partnershipMatrixStrings } from '../../src/components/partnership-matrix/strings.js';
import { strings as reflectionJournalStrings } from '../../src/components/reflection-journal/strings.js';
import { strings as resultsStrings } from '../../src/components/results/strings.js';
import { strings as selfRatingStrings } from '../../src/components/self-rating/strings.js';

/** Every component's string table, checked for completeness in every locale by criteria.test.ts. */
export const stringTables: Array<[string, LocaleTable<StringTable>]> = [
  ['assessment', assessmentStrings],
  ['criterion-card', criterionCardStrings],
  ['partnership-matrix', partnershipMatrixStrings],
  ['reflection-journal', reflectionJournalStrings],
  ['results', resultsStrings],
  ['self-rating', selfRatingStrings],
];
