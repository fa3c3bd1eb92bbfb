// React wrappers (`@learning-community/elements/react.js`), made with @lit/react: properties are
// set as properties (objects and functions too), and the elements' events are typed callback
// props (`onLcSubmit`, `onLcSubmitted`, `onLcSubmitError`, `onChange`, `onInput`...). Importing
// this module registers the elements it wraps. React itself is the host's: an optional peer
// dependency, never bundled. Not imported by the package's main entry.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from './core/events.js';
import { LcAssessment } from './components/assessment/define.js';
import { LcCommunity } from './components/community/define.js';
import { LcCriterionCard } from './components/criterion-card/define.js';
import { LcPartnershipMatrix } from './components/partnership-matrix/define.js';
import { LcReflectionJournal } from './components/reflection-journal/define.js';
import { LcResults } from './components/results/define.js';
import type { LcResultsErrorEvent, LcResultsLoadEvent } from './components/results/lc-results.js';
import { LcSelfRating } from './components/self-rating/define.js';

export type { EventName } from '@lit/react';

/** The submission events, which every submitting element fires (and which bubble to `<Community>`). */
export const submissionEvents = {
  onLcSubmit: 'lc-submit' as EventName<LcSubmitEvent>,
  onLcSubmitted: 'lc-submitted' as EventName<LcSubmittedEvent>,
  onLcSubmitError: 'lc-submit-error' as EventName<LcSubmitErrorEvent>,
};

/** The native form-control events, fired on user action only. */
const formEvents = {
  onChange: 'change' as EventName<Event>,
  onInput: 'input' as EventName<Event>,
};

/** `<lc-community>`: configuration for everything inside it; catches the submission events of its children. */
export const Community = createComponent({
  react: React,
  tagName: 'lc-community',
  elementClass: LcCommunity,
  events: submissionEvents,
  displayName: 'Community',
});

/** `<lc-criterion-card>`: one criterion; catches the submission events of the rating inside it. */
export const CriterionCard = createComponent({
  react: React,
  tagName: 'lc-criterion-card',
  elementClass: LcCriterionCard,
  events: submissionEvents,
  displayName: 'CriterionCard',
});

/** `<lc-self-rating>`: rates one criterion on the learning scale. */
export const SelfRating = createComponent({
  react: React,
  tagName: 'lc-self-rating',
  elementClass: LcSelfRating,
  events: { ...submissionEvents, ...formEvents },
  displayName: 'SelfRating',
});

/** `<lc-partnership-matrix>`: who collaborates with whom, how closely. */
export const PartnershipMatrix = createComponent({
  react: React,
  tagName: 'lc-partnership-matrix',
  elementClass: LcPartnershipMatrix,
  events: { ...submissionEvents, onChange: formEvents.onChange },
  displayName: 'PartnershipMatrix',
});

/** `<lc-reflection-journal>`: what the community practised, tested, challenged, concluded and will change. */
export const ReflectionJournal = createComponent({
  react: React,
  tagName: 'lc-reflection-journal',
  elementClass: LcReflectionJournal,
  events: submissionEvents,
  displayName: 'ReflectionJournal',
});

/** `<lc-results>`: where the community stands and where perspectives diverge. */
export const Results = createComponent({
  react: React,
  tagName: 'lc-results',
  elementClass: LcResults,
  events: {
    onLcResultsLoad: 'lc-results-load' as EventName<LcResultsLoadEvent>,
    onLcResultsError: 'lc-results-error' as EventName<LcResultsErrorEvent>,
  },
  displayName: 'Results',
});

/** `<lc-assessment>`: the whole self-assessment in one tag. */
export const Assessment = createComponent({
  react: React,
  tagName: 'lc-assessment',
  elementClass: LcAssessment,
  events: { ...submissionEvents, ...formEvents },
  displayName: 'Assessment',
});
