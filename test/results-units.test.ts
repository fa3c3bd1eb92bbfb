// DOM-free parts of <lc-results>: anonymity, divergence, radar geometry and CSV. Expected figures
// are worked out by hand in the comments, not with the code under test.
import { expect } from '@open-wc/testing';
import { groupStats, type CriterionResult, type Results } from '../src/core/results.js';
import {
  analyse,
  change,
  dontKnowShare,
  perspectiveOrder,
  protectGroups,
  rated,
  spreadOf,
} from '../src/components/results/divergence.js';
import { anchorFor, radarGeometry, radarPath, wrapLabel } from '../src/components/results/radar.js';
import { csvCell, neutralise, resultsCsv, toCsv } from '../src/components/results/csv.js';

type Answers = Array<number | null>;

/** A criterion's figures from answers per perspective; `others` answered without a perspective. */
function criterion(id: string, groups: Record<string, Answers>, others: Answers = []): CriterionResult {
  const all = [...Object.values(groups).flat(), ...others];
  return {
    criterion: id,
    overall: groupStats(all),
    perspectives: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, groupStats(v)])),
  };
}

function results(criteria: CriterionResult[], round = '2026-spring'): Results {
  return { schema: 'lc-results/1', community: 'test-town', round, generatedAt: '2026-05-01T10:00:00Z', criteria };
}

// citizen: 1+1+2+1+0 = 5 over 5 levels → 1.0, one "don't know" of 6 answers
// authority: 3+4+3+4+3 = 17 over 5 → 3.4
// business: 2+2+3+2 = 9 over 4 levels (one "don't know") → 2.25
// three answers without a perspective: 4, 3, 2
// overall: 5 + 17 + 9 + 9 = 40 over 17 levels → 2.35, 2 "don't know" of 19 answers
const trust = criterion(
  'trust',
  { citizen: [1, 1, 2, 1, 0, null], authority: [3, 4, 3, 4, 3], business: [2, 2, 3, null, 2] },
  [4, 3, 2],
);

describe('lc-results figures', () => {
  it('counts answers with a level and the share of "don\'t know"', () => {
    expect(rated(trust.perspectives['citizen']!)).to.equal(5);
    expect(rated(trust.perspectives['business']!)).to.equal(4);
    expect(rated(trust.overall)).to.equal(17);
    expect(dontKnowShare(trust.overall)).to.be.closeTo(2 / 19, 1e-9);
    expect(dontKnowShare(groupStats([]))).to.equal(null);
  });

  it('hides a group of 4 answers with a level at min-group 5 and shows it at 3', () => {
    const at5 = protectGroups(trust, 5);
    expect(at5.groups.map((g) => [g.perspective, g.hidden ?? 'shown'])).to.deep.equal([
      ['citizen', 'shown'],
      ['authority', 'shown'],
      ['business', 'small'],
    ]);
    // The remainder (business 4 + 3 answers without a perspective = 7) is not below 5: nothing more to hide.
    const at3 = protectGroups(trust, 3);
    expect(at3.groups.every((g) => !g.hidden)).to.be.true;
    // A "don't know" does not count: business has 5 answers but only 4 with a level.
    expect(trust.perspectives['business']!.n).to.equal(5);
  });

  it('hides a second group when the totals would give a small hidden one away', () => {
    // Without the answer outside any perspective, overall − citizen − authority = business (4 levels).
    const exact = criterion('trust', {
      citizen: [1, 1, 2, 1, 0, 2],
      authority: [3, 4, 3, 4, 3],
      business: [2, 2, 3, 2],
    });
    const { groups, overallHidden } = protectGroups(exact, 5);
    expect(overallHidden).to.be.false;
    // authority (5) is smaller than citizen (6), so authority is hidden too; remainder then 9.
    expect(groups.map((g) => [g.perspective, g.hidden ?? 'shown'])).to.deep.equal([
      ['citizen', 'shown'],
      ['authority', 'complement'],
      ['business', 'small'],
    ]);
  });

  it('hides a criterion whose overall figures are below the threshold', () => {
    const few = criterion('trust', { citizen: [1, 2], authority: [3, null] });
    const { overallHidden, groups } = protectGroups(few, 5);
    expect(overallHidden).to.be.true;
    expect(groups.every((g) => g.hidden === 'small')).to.be.true;
  });

  it('shows the counts of a group whose every answer is "don\'t know": it has no level to expose', () => {
    const unknown = criterion('trust', { citizen: [null, null, null], authority: [3, 4, 3, 4, 3, 2] });
    const { overallHidden, groups } = protectGroups(unknown, 5);
    expect(overallHidden).to.be.false;
    expect(groups.map((g) => [g.perspective, g.hidden ?? 'shown'])).to.deep.equal([
      ['citizen', 'shown'],
      ['authority', 'shown'],
    ]);
    // A criterion nobody could rate: its counts are shown, and it is not counted as hidden.
    const nobody = criterion('trust', { citizen: [null, null], authority: [null] });
    const all = protectGroups(nobody, 5);
    expect(all.overallHidden).to.be.false;
    expect(all.groups.every((g) => !g.hidden)).to.be.true;
    expect(analyse(results([nobody]), 5).hidden).to.deep.equal({ small: 0, complement: 0, criteria: 0 });
    // One level among the "don't know" answers is one person's: hidden, and every group with it.
    const one = protectGroups(criterion('trust', { citizen: [null, null, 2], authority: [null] }), 5);
    expect(one.overallHidden).to.be.true;
    expect(one.groups.every((g) => g.hidden === 'small')).to.be.true;
  });

  it('hides a group with levels, never one without, when the totals would give a small one away', () => {
    // overall 4 + 5 + 6 = 15 levels; citizen (4) is small; the remainder after authority and
    // business would be citizen's 4: authority (5) is hidden too. The "don't know" group takes
    // nothing from the totals: hiding it would hide nothing.
    const c = criterion('trust', {
      citizen: [1, 1, 2, 1],
      authority: [3, 4, 3, 4, 3],
      business: [2, 2, 3, 2, 2, 2],
      education: [null, null, null, null, null, null],
    });
    expect(protectGroups(c, 5).groups.map((g) => [g.perspective, g.hidden ?? 'shown'])).to.deep.equal([
      ['citizen', 'small'],
      ['authority', 'complement'],
      ['business', 'shown'],
      ['education', 'shown'],
    ]);
  });

  it('measures the spread between the shown perspectives', () => {
    const spread = spreadOf(protectGroups(trust, 5).groups)!;
    // citizen 1.0, authority 3.4: gap 2.4 (business 2.25 is hidden and left out)
    expect(spread.low).to.deep.equal({ perspective: 'citizen', mean: 1 });
    expect(spread.high).to.deep.equal({ perspective: 'authority', mean: 3.4 });
    expect(spread.gap).to.be.closeTo(2.4, 1e-9);
    expect(spreadOf(protectGroups(trust, 6).groups)).to.equal(undefined);
  });

  it('orders criteria as the set does, unknown ids last, and lists the largest gaps first', () => {
    // inclusion: citizen 2.0, authority 2.2 → gap 0.2; trust: gap 2.4; local-pride: one group only.
    const inclusion = criterion('inclusion', { citizen: [2, 2, 2, 2, 2], authority: [2, 2, 2, 3, 2] });
    const local = criterion('local-pride', { citizen: [4, 4, 4, 4, 4] });
    const view = analyse(results([local, inclusion, trust]), 5, ['trust', 'inclusion']);
    expect(view.criteria.map((c) => c.criterion)).to.deep.equal(['trust', 'inclusion', 'local-pride']);
    expect(view.gaps.map((c) => c.criterion)).to.deep.equal(['trust', 'inclusion']);
    expect(view.gaps[1]!.spread!.gap).to.be.closeTo(0.2, 1e-9);
    expect(view.hidden).to.deep.equal({ small: 1, complement: 0, criteria: 0 });
    expect(view.perspectives).to.deep.equal(['citizen', 'authority', 'business']);
  });
});

describe('lc-results perspectives', () => {
  it('orders known perspectives first, others alphabetically, answers without a perspective last', () => {
    const ids = ['zoo', 'unspecified', 'business', 'alpha', 'citizen'];
    expect(ids.sort(perspectiveOrder)).to.deep.equal(['citizen', 'business', 'alpha', 'zoo', 'unspecified']);
  });

  it('leaves answers without a perspective out of the spread', () => {
    // citizen 1.0, authority 2.0, unspecified 4.0: the gap is between the two perspectives only.
    const c = criterion('trust', {
      citizen: [1, 1, 1, 1, 1],
      authority: [2, 2, 2, 2, 2],
      unspecified: [4, 4, 4, 4, 4],
    });
    const spread = spreadOf(protectGroups(c, 5).groups)!;
    expect(spread.gap).to.equal(1);
    expect(spread.high.perspective).to.equal('authority');
  });

  it('works gaps and changes out from the means as shown, to one decimal', () => {
    // youth 1+2+2+2+2+1 = 10/6 = 1.666… shown 1.7; partner 2+2+3+2+2+3 = 14/6 = 2.333… shown 2.3:
    // the gap shown is 2.3 − 1.7 = 0.6 (of the unrounded means it would be 0.666…, shown 0.7).
    const c = criterion('trust', { youth: [1, 2, 2, 2, 2, 1], partner: [2, 2, 3, 2, 2, 3] });
    expect(spreadOf(protectGroups(c, 5).groups)!.shownGap).to.equal(0.6);
    expect(spreadOf(protectGroups(c, 5).groups)!.gap, 'exact, for exports').to.be.closeTo(2 / 3, 1e-9);
    // citizen 10/5 = 2.0; authority 24 twos and a 3 = 51/25 = 2.04, shown 2.0: no gap to list.
    const same = criterion('inclusion', {
      citizen: [2, 2, 2, 2, 2],
      authority: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3],
    });
    const view = analyse(results([same, c]), 5);
    expect(view.criteria[0]!.spread!.shownGap).to.equal(0);
    expect(
      view.gaps.map((g) => g.criterion),
      'a gap that reads 0.0 is not listed',
    ).to.deep.equal(['trust']);
    // Overall 61/30 = 2.03 now and 49/25 = 1.96 before: both shown as 2.0, so no change (not +0.1).
    const now = analyse(results([same]), 5).criteria[0]!;
    const before = analyse(
      results([
        criterion('inclusion', {
          citizen: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1],
        }),
      ]),
      5,
    ).criteria[0]!;
    expect(now.overall.mean).to.be.closeTo(61 / 30, 1e-9);
    expect(change(now, before, true)).to.equal(0);
    expect(change(now, before), 'exact, for exports').to.be.closeTo(61 / 30 - 49 / 25, 1e-9);
    expect(Object.is(change(before, now, true), -0), 'never "-0.0"').to.be.false;
  });

  it('lists the gaps by the gap as shown, not by the exact one', () => {
    // 50 answers a group: means in steps of 0.02, none on a .x5 that could round either way.
    const levels = (sum: number) => Array.from({ length: 50 }, (_, i) => Math.floor(sum / 50) + (i < sum % 50 ? 1 : 0));
    // trust: 1.06 (shown 1.1) to 1.74 (shown 1.7): gap 0.68, shown 0.6.
    const trust = criterion('trust', { citizen: levels(53), authority: levels(87) });
    // inclusion: 1.04 (shown 1.0) to 1.66 (shown 1.7): gap 0.62, shown 0.7.
    const inclusion = criterion('inclusion', { citizen: levels(52), authority: levels(83) });
    const view = analyse(results([trust, inclusion]), 5, ['trust', 'inclusion']);
    expect(view.gaps.map((g) => [g.criterion, g.spread!.shownGap])).to.deep.equal([
      ['inclusion', 0.7],
      ['trust', 0.6],
    ]);
    expect(trust.perspectives['authority']!.mean).to.be.closeTo(1.74, 1e-9);
  });
});

describe('lc-results radar geometry', () => {
  const g = radarGeometry({ axes: 4, radius: 100, max: 4, labelGap: 10, labelRoom: { inline: 50, block: 30 } });

  it('sizes the drawing around the rim and its labels', () => {
    expect(g.width).to.equal(2 * (100 + 10 + 50));
    expect(g.height).to.equal(2 * (100 + 10 + 30));
    expect([g.cx, g.cy]).to.deep.equal([160, 140]);
  });

  it('puts axis 0 at the top and goes clockwise, or anticlockwise when mirrored', () => {
    expect(g.point(0, 4)).to.deep.equal({ x: 160, y: 40 });
    expect(g.point(1, 2)).to.deep.equal({ x: 210, y: 140 });
    expect(g.point(2, 1)).to.deep.equal({ x: 160, y: 165 });
    expect(g.point(3, 4)).to.deep.equal({ x: 60, y: 140 });
    const m = radarGeometry({ axes: 4, radius: 100, labelGap: 10, labelRoom: { inline: 50, block: 30 }, mirror: true });
    expect(m.point(1, 2)).to.deep.equal({ x: 110, y: 140 });
    // Values outside the scale are clamped to the rim and the centre.
    expect(g.point(0, 9)).to.deep.equal({ x: 160, y: 40 });
    expect(g.point(0, -1)).to.deep.equal({ x: 160, y: 140 });
  });

  it('draws rings through every axis', () => {
    expect(g.ring(2)).to.equal('160,90 210,140 160,190 110,140');
  });

  it('closes a full polygon and breaks it where a value is missing', () => {
    expect(radarPath(g, [4, 2, 1, 4])).to.equal('M160 40 L210 140 L160 165 L60 140 Z');
    // Axis 1 missing: one run from axis 2 round to axis 0.
    expect(radarPath(g, [4, null, 1, 4])).to.equal('M160 165 L60 140 L160 40');
    // Two isolated values draw no line (the points still show them).
    expect(radarPath(g, [4, null, 1, null])).to.equal('');
    expect(() => radarPath(g, [1, 2])).to.throw(RangeError);
  });

  it('places labels so that they grow away from the chart, in both directions of text', () => {
    expect(g.label(0, 2).side).to.equal('center');
    expect(g.label(0, 2).anchor).to.equal('middle');
    // Above the chart the lines stack upwards from the label point (y = 140 − 110 = 30).
    expect(g.label(0, 2).lineY).to.deep.equal([30 - 14 - 7, 30 - 7]);
    expect(g.label(2, 1).lineY).to.deep.equal([250 + 7]);
    expect(g.label(1, 1)).to.include({ side: 'right', anchor: 'start', x: 270 });
    expect(g.label(3, 1)).to.include({ side: 'left', anchor: 'end', x: 50 });
    expect(g.label(1, 1, true).anchor).to.equal('end');
    expect(anchorFor('left', true)).to.equal('start');
    // Beside the chart a block of three lines is centred on the label point.
    expect(g.label(1, 3).lineY).to.deep.equal([126, 140, 154]);
  });

  it('wraps labels at spaces and cuts off what does not fit', () => {
    expect(wrapLabel('Communicating emerging needs', 18)).to.deep.equal(['Communicating', 'emerging needs']);
    expect(wrapLabel('Trust')).to.deep.equal(['Trust']);
    expect(wrapLabel('a b c d e f', 3, 2)).to.deep.equal(['a b', 'c d…']);
    expect(wrapLabel('Sektorübergreifende Zusammenarbeit', 18)).to.deep.equal([
      'Sektorübergreifende',
      'Zusammenarbeit',
    ]);
  });
});

describe('lc-results CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(neutralise('=HYPERLINK("http://x")')).to.equal(`'=HYPERLINK("http://x")`);
    expect(neutralise('+1')).to.equal(`'+1`);
    expect(neutralise('-1')).to.equal(`'-1`);
    expect(neutralise('@SUM(A1)')).to.equal(`'@SUM(A1)`);
    expect(neutralise('\t=1')).to.equal(`'\t=1`);
    expect(neutralise('  =1')).to.equal(`'  =1`);
    expect(neutralise('＝1')).to.equal(`'＝1`);
    expect(neutralise('Trust')).to.equal('Trust');
    expect(neutralise('a=b')).to.equal('a=b');
  });

  it('quotes cells that need it and keeps numbers as numbers', () => {
    expect(csvCell('a, b')).to.equal('"a, b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('=1+1')).to.equal(`'=1+1`);
    expect(csvCell('=1,1')).to.equal(`"'=1,1"`);
    expect(csvCell(-0.4)).to.equal('-0.4');
    expect(csvCell(null)).to.equal('');
    expect(csvCell(Number.NaN)).to.equal('');
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).to.equal('a,1\r\nb,\r\n');
  });

  it('writes the figures per criterion and perspective, without the hidden ones', () => {
    const view = analyse(results([trust]), 5);
    const csv = resultsCsv([{ community: 'test-town', round: '2026-spring', view, change: () => 0.25 }], (id) =>
      id === 'trust' ? 'Trust' : id,
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).to.equal(
      'community,round,criterion,title,group,perspective,status,answers,answers_with_level,dont_know,dont_know_share,mean,median,level_0,level_1,level_2,level_3,level_4,change',
    );
    // overall: 19 answers, 17 with a level, 2 "don't know" (2/19 = 0.105), mean 40/17 = 2.35,
    // median of 0 1 1 1 2 2 2 2 2 3 3 3 3 3 4 4 4 = 2, levels 1×0, 3×1, 5×2, 5×3, 3×4; change 0.25
    expect(lines[1]).to.equal('test-town,2026-spring,trust,Trust,overall,,shown,19,17,2,0.105,2.35,2,1,3,5,5,3,0.25');
    // citizen: 6 answers, 5 with a level, 1/6 = 0.167, mean 1, median of 0 1 1 1 2 = 1
    expect(lines[2]).to.equal('test-town,2026-spring,trust,Trust,perspective,citizen,shown,6,5,1,0.167,1,1,1,3,1,0,0,');
    expect(lines[3]).to.equal('test-town,2026-spring,trust,Trust,perspective,authority,shown,5,5,0,0,3.4,3,0,0,0,3,2,');
    expect(lines[4]).to.equal('test-town,2026-spring,trust,Trust,perspective,business,hidden' + ','.repeat(12));
    expect(lines).to.have.length(5);
  });

  it('rounds a figure that ends in a half up, as it is written, not as binary holds it', () => {
    const answers = (counts: Array<[number, number]>) => counts.flatMap(([level, n]) => Array<number>(n).fill(level));
    // 23/40 = 0.575, 41/40 = 1.025, 87/40 = 2.175: each, times 100, a hair below the half in binary.
    const halves = [
      criterion('trust', {
        citizen: answers([
          [1, 23],
          [0, 17],
        ]),
      }),
      criterion('inclusion', {
        citizen: answers([
          [1, 39],
          [2, 1],
        ]),
      }),
      criterion('policy-making', {
        citizen: answers([
          [2, 33],
          [3, 7],
        ]),
      }),
    ];
    const change: Record<string, number> = { trust: -23 / 40, inclusion: 41 / 40, 'policy-making': 87 / 40 };
    const csv = resultsCsv(
      [{ community: 't', round: 'r', view: analyse(results(halves), 5), change: (id) => change[id]! }],
      (id) => id,
    );
    const overall = csv.split('\r\n').filter((line) => line.includes(',overall,'));
    // mean, median, levels 0–4, change (below zero, a half goes away from zero, as Intl shows it).
    expect(overall).to.deep.equal([
      't,r,trust,trust,overall,,shown,40,40,0,0,0.58,1,17,23,0,0,0,-0.58',
      't,r,inclusion,inclusion,overall,,shown,40,40,0,0,1.03,1,0,39,1,0,0,1.03',
      't,r,policy-making,policy-making,overall,,shown,40,40,0,0,2.18,2,0,0,33,7,0,2.18',
    ]);
  });

  it('neutralises perspective ids and titles coming from the data', () => {
    const evil = criterion('trust', { '=cmd|calc': [1, 1, 1, 1, 1] });
    const csv = resultsCsv(
      [{ community: '+community', round: '@round', view: analyse(results([evil]), 5) }],
      () => '-Trust',
    );
    expect(csv).to.contain(`'+community,'@round,trust,'-Trust,perspective,'=cmd|calc,shown`);
  });
});
