// Public API without side effects: classes, the submission core and the criteria. Importing this
// module registers no tag; import `@learning-community/elements/all.js` (or a component's
// `define.js`) for that.
export * from './criteria/index.js';
export * from './core/envelope.js';
export * from './core/events.js';
export * from './core/transport.js';
export * from './core/retry.js';
export * from './core/outbox.js';
export * from './core/context.js';
export * from './core/community-controller.js';
export * from './core/submission-controller.js';
export * from './core/i18n/i18n.js';
export { coreStrings } from './core/i18n/core-strings.js';
export { VERSION, defineElement } from './core/define.js';
export * from './components/assessment/index.js';
export { LcCommunity } from './components/community/lc-community.js';
export { LcCriterionCard, type CriterionCardVariant } from './components/criterion-card/lc-criterion-card.js';
export { LcSelfRating, type RatingLayout } from './components/self-rating/lc-self-rating.js';
export * from './components/partnership-matrix/index.js';
export * from './components/reflection-journal/index.js';
export { LcResults, LcResultsLoadEvent, LcResultsErrorEvent } from './components/results/lc-results.js';
export * from './core/results.js';
