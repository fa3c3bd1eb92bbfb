import type { Translations } from '../../core/i18n/i18n.js';
import type { ResultsStringKey } from './strings.js';

/** `<lc-results>`’s strings in German, loaded when an element first shows German. */
const de: Translations<ResultsStringKey> = {
  heading: 'Ergebnisse',
  meta: 'Gemeinschaft {community} · Runde {round}',
  region: 'Ergebnisse für {community}, Runde {round}',
  generated: 'Aktualisiert {date}',
  loading: 'Die Ergebnisse werden geladen…',
  loaded: 'Die Ergebnisse sind geladen.',
  empty: 'Noch keine Ergebnisse.',
  'no-answers': 'In Runde {round} gibt es noch keine Antworten.',
  'other-set':
    'Diese Ergebnisse wurden mit dem Kriterienset {set} beantwortet, nicht mit dem Set dieser Seite, {pageSet}: Ihre Kriterien werden mit ihrer ID angezeigt.',
  'error.load': 'Die Ergebnisse konnten nicht geladen werden: {problem}',
  'error.compare': 'Die Vergleichsrunde konnte nicht geladen werden: {problem}',
  'compare.label': 'Vergleichen mit',
  'compare.none': 'Kein Vergleich',
  'compare.empty': 'Runde {round} hat keine Antworten für einen Vergleich.',
  'compare.hidden': 'Runde {round} hat zu wenige Antworten, um Zahlen zu zeigen: Es gibt nichts zu vergleichen.',
  'compare.shown': 'Der Vergleich mit Runde {round} wird angezeigt.',
  'compare.other-set':
    'Runde {round} wurde mit einem anderen Kriterienset ({set}) beantwortet als Runde {current} ({currentSet}): Die beiden Runden werden nicht verglichen.',
  'chart.show': 'Diagramm zeigen',
  'chart.hide': 'Diagramm ausblenden',
  'chart.title': 'Mittlere Stufe je Kriterium, Runde {round}',
  'chart.title-compare': 'Mittlere Stufe je Kriterium, Runde {round} im Vergleich mit Runde {compare}',
  'chart.desc':
    'Netzdiagramm von {count} Kriterien auf der Skala von {min} (nicht behandelt) in der Mitte bis {max} (systematisch) am Rand. Jeder Punkt ist eine mittlere Stufe.',
  'chart.desc-compare': 'Die gestrichelte Linie zeigt Runde {compare}.',
  'chart.numbered': 'Rund um das Diagramm sind die Kriterien wie in der Tabelle nummeriert.',
  'chart.numbered-key': 'Rund um das Diagramm sind die Kriterien nummeriert; die Legende darunter nennt jedes.',
  'chart.keys': 'Mit den Pfeiltasten gelangen Sie von Punkt zu Punkt. Die Tabelle enthält dieselben Zahlen.',
  'chart.too-few': 'Das Diagramm braucht mindestens drei Kriterien mit Zahlen; die Tabelle zeigt alle.',
  'legend.current': 'Runde {round}',
  'legend.compare': 'Runde {round} (gestrichelte Linie)',
  'point.mean': '{criterion}: Mittelwert {mean} von {max}',
  'point.answers': {
    one: '{count} Antwort',
    other: '{count} Antworten',
  },
  'point.dont-know': '{count}-mal „weiß nicht“',
  'point.change': 'Veränderung {change} seit Runde {round}',
  'table.caption': 'Mittlere Stufe ({min} bis {max}) je Kriterium, Runde {round}',
  'table.criterion': 'Kriterium',
  'table.mean': 'Mittelwert',
  'table.change': 'Veränderung seit Runde {round}',
  'table.answers': 'Antworten',
  'table.dont-know': 'Weiß nicht',
  'cell.hidden': 'ausgeblendet',
  'cell.none': 'keine',
  'cell.share': '{share} ({count})',
  'cell.was': 'war {mean}',
  'cell.rated': '{count} mit einer Stufe',
  'cell.dont-know': '{count}-mal „weiß nicht“',
  'perspectives.heading': 'Nach Perspektive',
  'perspectives.caption': 'Mittlere Stufe ({min} bis {max}) je Kriterium und Perspektive, Runde {round}',
  'perspectives.gap': 'Abstand',
  'divergence.heading': 'Wo die Perspektiven auseinandergehen',
  'divergence.intro':
    'Die größten Abstände zwischen den Perspektiven stehen vorn: gute Ausgangspunkte für ein Gespräch.',
  'divergence.item': '{low} bewerten „{criterion}“ mit {lowMean}, {high} mit {highMean}.',
  'divergence.gap': 'Abstand: {gap}',
  'divergence.answers': '{low}: {lowAnswers}; {high}: {highAnswers}.',
  'divergence.unspecified':
    'Abstände gibt es nur zwischen Perspektiven: {unspecified} werden gezeigt, gehen aber nicht in sie ein.',
  'divergence.alike':
    'Wo zwei oder mehr Perspektiven gezeigt werden, bewerten sie jedes Kriterium gleich (auf eine Dezimalstelle): Es gibt keine Unterschiede zwischen ihnen zu zeigen.',
  'divergence.none': {
    one: 'Es gibt keine Unterschiede zwischen Perspektiven zu zeigen: Dafür braucht es mindestens zwei Gruppen mit {count} oder mehr Antworten mit einer Stufe.',
    other:
      'Es gibt keine Unterschiede zwischen Perspektiven zu zeigen: Dafür braucht es mindestens zwei Gruppen mit {count} oder mehr Antworten mit einer Stufe.',
  },
  'anonymity.fewer': {
    one: 'weniger als {count} Antwort mit einer Stufe',
    other: 'weniger als {count} Antworten mit einer Stufe',
  },
  'anonymity.small': {
    one: '{count} Gruppe hat {fewer} und wird zum Schutz der Anonymität ausgeblendet.',
    other: '{count} Gruppen haben {fewer} und werden zum Schutz der Anonymität ausgeblendet.',
  },
  'anonymity.complement': {
    one: '{count} weitere Gruppe wird ausgeblendet, damit sich eine kleine Gruppe nicht aus den Summen errechnen lässt.',
    other:
      '{count} weitere Gruppen werden ausgeblendet, damit sich eine kleine Gruppe nicht aus den Summen errechnen lässt.',
  },
  'anonymity.criteria': {
    one: '{count} Kriterium hat insgesamt {fewer}; seine Zahlen sind ausgeblendet.',
    other: '{count} Kriterien haben insgesamt {fewer}; ihre Zahlen sind ausgeblendet.',
  },
  'export.csv': 'Zahlen herunterladen (CSV)',
  'export.svg': 'Diagramm herunterladen (SVG)',
  'perspective.citizen': 'Bürgerinnen und Bürger',
  'perspective.authority': 'Behörden',
  'perspective.partner': 'Partner',
  'perspective.business': 'Unternehmen',
  'perspective.education': 'Bildungseinrichtungen',
  'perspective.civil-society': 'zivilgesellschaftliche Organisationen',
  'perspective.unspecified': 'Antworten ohne Perspektive',
};
export default de;
