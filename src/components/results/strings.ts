import { localeTable, translator } from '../../core/i18n/i18n.js';

/**
 * Strings of `<lc-results>`. Perspective names are plural nouns written as they appear inside a
 * sentence ("citizens"); the element capitalises them where a sentence or a header starts. Any
 * other perspective id is shown as it is, unless the `strings` property names it
 * (`{ 'perspective.youth-council': 'youth council' }`).
 */
const en = {
  heading: 'Results',
  meta: 'Community {community} · round {round}',
  region: 'Results for {community}, round {round}',
  generated: 'Updated {date}',
  loading: 'Loading the results…',
  loaded: 'The results are loaded.',
  empty: 'No results to show yet.',
  'no-answers': 'No answers yet in round {round}.',
  // Results of another criteria set than the page's: {set} and {pageSet} are the two sets' ids.
  'other-set':
    'These results were answered with the criteria set {set}, not with this page’s set {pageSet}: their criteria are shown by their ids.',
  'error.load': 'The results could not be loaded: {problem}',
  'error.compare': 'The round to compare with could not be loaded: {problem}',
  'compare.label': 'Compare with',
  'compare.none': 'No comparison',
  'compare.empty': 'Round {round} has no answers to compare with.',
  'compare.hidden': 'Round {round} has too few answers to show any of its figures: there is nothing to compare with.',
  'compare.shown': 'The comparison with round {round} is shown.',
  // {set} and {currentSet}: the ids of the criteria sets the two rounds were answered with.
  'compare.other-set':
    'Round {round} was answered with another criteria set ({set}) than round {current} ({currentSet}): the two rounds are not compared.',
  'chart.show': 'Show chart',
  'chart.hide': 'Hide chart',
  'chart.title': 'Mean level per criterion, round {round}',
  'chart.title-compare': 'Mean level per criterion, round {round} compared with round {compare}',
  'chart.desc':
    'Radar chart of {count} criteria on the scale from {min} (not addressed) at the centre to {max} (systematic) at the rim. Each point is a mean level.',
  'chart.desc-compare': 'The dashed line shows round {compare}.',
  'chart.numbered': 'Around the chart, the criteria are numbered as in the table.',
  'chart.numbered-key': 'The criteria are numbered around the chart; the key under it names each one.',
  'chart.keys': 'Use the arrow keys to move from point to point. The table holds the same figures.',
  'chart.too-few': 'The chart needs at least three criteria with figures; the table shows them all.',
  'legend.current': 'Round {round}',
  'legend.compare': 'Round {round} (dashed line)',
  'point.mean': '{criterion}: mean {mean} of {max}',
  'point.answers': { one: '{count} answer', other: '{count} answers' },
  'point.dont-know': '{count} don’t know',
  'point.change': 'change {change} since round {round}',
  'table.caption': 'Mean level ({min} to {max}) per criterion, round {round}',
  'table.criterion': 'Criterion',
  'table.mean': 'Mean',
  'table.change': 'Change since round {round}',
  'table.answers': 'Answers',
  'table.dont-know': 'Don’t know',
  'cell.hidden': 'hidden',
  'cell.none': 'none',
  'cell.share': '{share} ({count})',
  'cell.was': 'was {mean}',
  'cell.rated': '{count} with a level',
  'cell.dont-know': '{count} don’t know',
  'perspectives.heading': 'By perspective',
  'perspectives.caption': 'Mean level ({min} to {max}) per criterion and perspective, round {round}',
  'perspectives.gap': 'Gap',
  'divergence.heading': 'Where perspectives differ',
  'divergence.intro': 'The largest gaps between perspectives come first: good places to start a discussion.',
  'divergence.item': '{low} rate “{criterion}” {lowMean}, {high} {highMean}.',
  'divergence.gap': 'Gap: {gap}',
  'divergence.answers': '{low}: {lowAnswers}; {high}: {highAnswers}.',
  // Said beside the gaps when answers without a perspective are shown: {unspecified} is their group's name.
  'divergence.unspecified': 'Gaps are between perspectives only: {unspecified} are shown, but are no part of them.',
  // Two or more groups shown, and they agree (to one decimal) wherever they are shown together.
  'divergence.alike':
    'Where two or more perspectives are shown, they rate each criterion alike (to one decimal): there are no differences between them to show.',
  // The smallest group shown (`min-group`) is the count here: it decides the form of "answers".
  'divergence.none': {
    one: 'There are no differences between perspectives to show: that needs at least two groups with {count} or more answers with a level.',
    other:
      'There are no differences between perspectives to show: that needs at least two groups with {count} or more answers with a level.',
  },
  // "{fewer}" in anonymity.small and anonymity.criteria: the smallest group shown (`min-group`) is its count.
  'anonymity.fewer': {
    one: 'fewer than {count} answer with a level',
    other: 'fewer than {count} answers with a level',
  },
  'anonymity.small': {
    one: '{count} group has {fewer} and is hidden to protect anonymity.',
    other: '{count} groups have {fewer} and are hidden to protect anonymity.',
  },
  'anonymity.complement': {
    one: '{count} more group is hidden so that a small group cannot be worked out from the totals.',
    other: '{count} more groups are hidden so that a small group cannot be worked out from the totals.',
  },
  'anonymity.criteria': {
    one: '{count} criterion has {fewer} in all; its figures are hidden.',
    other: '{count} criteria have {fewer} in all; their figures are hidden.',
  },
  'export.csv': 'Download figures (CSV)',
  'export.svg': 'Download chart (SVG)',
  'perspective.citizen': 'citizens',
  'perspective.authority': 'authorities',
  'perspective.partner': 'partners',
  'perspective.business': 'businesses',
  'perspective.education': 'education providers',
  'perspective.civil-society': 'civil society organisations',
  'perspective.unspecified': 'people who gave no perspective',
};

export type ResultsStringKey = keyof typeof en;

export const strings = localeTable(
  en,
  {
    da: () => import('./strings.da.js'),
    de: () => import('./strings.de.js'),
    ar: () => import('./strings.ar.js'),
  },
  // The toolbar's picker and buttons, and the tables' scrolling regions.
  /^(compare\.(label|none)|chart\.(show|hide)|export\.(csv|svg)|(table|perspectives)\.caption)$/,
);

export const msg = translator(strings);
