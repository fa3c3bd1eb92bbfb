import { expect } from '@open-wc/testing';
import { csvField, parseCsv, tiesToCsv, actorsToCsv } from '../src/components/partnership-matrix/csv.js';
import { computeFigures } from '../src/components/partnership-matrix/figures.js';
import {
  describeProblem as describeMatrixProblem,
  matrixToJson,
  parseMatrixJson,
  validateMatrixData,
} from '../src/components/partnership-matrix/json.js';
import { actorIdFor, MatrixModel, nameKey, opposedPairs } from '../src/components/partnership-matrix/matrix-model.js';
import { mergeMaps } from '../src/components/partnership-matrix/merge.js';
import { neutralise } from '../src/core/csv.js';
import { createEnvelope, partnershipsDataSchema, type PartnershipsData } from '../src/core/envelope.js';

type Figures = PartnershipsData['figures'];

/**
 * A small town, drawn by hand:
 *
 *   town (public-authority) ──3── college (education) ──2i── bank (business-finance)
 *                                    │                          │
 *                                    1i                         4
 *                                    │                          │
 *                                 school (education)        club (civil-society-sport)
 *
 *   choir (culture) is alone.  "i" = works without a public authority.
 */
const actors = [
  { id: 'town', name: 'Town hall', sector: 'public-authority' },
  { id: 'college', name: 'City College', sector: 'education' },
  { id: 'bank', name: 'Savings Bank', sector: 'business-finance' },
  { id: 'school', name: 'North School', sector: 'education' },
  { id: 'club', name: 'Sport Club', sector: 'civil-society-sport' },
  { id: 'choir', name: 'Choir', sector: 'culture' },
];
const ties = [
  { source: 'town', target: 'college', level: 3 as const, independent: false },
  { source: 'college', target: 'bank', level: 2 as const, independent: true },
  { source: 'college', target: 'school', level: 1 as const, independent: true },
  { source: 'bank', target: 'club', level: 4 as const, independent: false },
];

describe('partnership matrix: figures on a known graph', () => {
  it('computes density, shares, isolated actors and sector links by hand', () => {
    const f = computeFigures({ directed: false, actors, ties });
    // 6 actors → 6·5/2 = 15 possible pairs; 4 ties.
    expect(f.actors).to.equal(6);
    expect(f.pairs).to.equal(15);
    expect(f.ties).to.equal(4);
    expect(f.density).to.equal(Math.round((4 / 15) * 10_000) / 10_000); // 0.2667
    // Levels 3+2+1+4 = 10 over 4 ties.
    expect(f.meanLevel).to.equal(2.5);
    // Cross-sector: town–college, college–bank, bank–club (college–school is education–education): 3 of 4.
    expect(f.crossSectorShare).to.equal(0.75);
    // Flagged independent: college–bank, college–school: 2 of 4.
    expect(f.independentShare).to.equal(0.5);
    // No public authority involved: every tie but town–college: 3 of 4.
    expect(f.outsidePublicShare).to.equal(0.75);
    expect(f.isolated).to.deep.equal(['choir']);

    const link = (a: string, b: string) => f.sectorLinks.find((l) => l.source === a && l.target === b)!;
    // business-finance × civil-society-sport: 1 bank × 1 club = 1 pair, level 4 → strength 4/(4·1) = 1.
    expect(link('business-finance', 'civil-society-sport')).to.include({ pairs: 1, ties: 1, levelSum: 4, strength: 1 });
    // public-authority × education: 1 × 2 = 2 pairs, one tie at 3 → 3/8 = 0.375.
    expect(link('public-authority', 'education')).to.include({ pairs: 2, ties: 1, levelSum: 3, strength: 0.375 });
    // education × education: 2·1/2 = 1 pair, level 1 → 0.25.
    expect(link('education', 'education')).to.include({ pairs: 1, ties: 1, strength: 0.25 });
    // education × business-finance: 2 × 1 = 2 pairs, level 2 → 2/8 = 0.25.
    expect(link('education', 'business-finance')).to.include({ pairs: 2, ties: 1, strength: 0.25 });
    // Strongest first.
    expect(f.sectorLinks[0]).to.include({ source: 'business-finance', target: 'civil-society-sport' });
    expect(f.sectorLinks[1]).to.include({ source: 'public-authority', target: 'education' });
    // Every sector pair that can hold a tie is listed: 5 sectors → 5·6/2 = 15, minus the
    // 4 one-actor sectors paired with themselves (no pair possible) = 11.
    expect(f.sectorLinks).to.have.length(11);
  });

  it('counts ordered pairs and one-way ties when directed', () => {
    const f = computeFigures({
      directed: true,
      actors: actors.slice(0, 3),
      ties: [
        { source: 'town', target: 'college', level: 2, independent: false },
        { source: 'college', target: 'town', level: 4, independent: true },
      ],
    });
    // 3 actors → 3·2 = 6 ordered pairs; 2 ties.
    expect(f.pairs).to.equal(6);
    expect(f.ties).to.equal(2);
    expect(f.density).to.equal(0.3333);
    expect(f.independentShare).to.equal(0.5);
    expect(f.isolated).to.deep.equal(['bank']);
    const there = f.sectorLinks.find((l) => l.source === 'public-authority' && l.target === 'education')!;
    const back = f.sectorLinks.find((l) => l.source === 'education' && l.target === 'public-authority')!;
    expect(there).to.include({ ties: 1, levelSum: 2, strength: 0.5 });
    expect(back).to.include({ ties: 1, levelSum: 4, strength: 1 });
  });

  it('gives null shares and a null density for an empty matrix', () => {
    const f = computeFigures({ directed: false, actors: [], ties: [] });
    expect(f).to.include({ actors: 0, pairs: 0, ties: 0, density: null, meanLevel: null, crossSectorShare: null });
  });

  it('gives a null density, not 0, for one actor: there is no pair to take a share of', () => {
    for (const directed of [false, true]) {
      const data = { directed, actors: [actors[0]!], ties: [] };
      const f = computeFigures(data);
      expect(f).to.include({ actors: 1, pairs: 0, ties: 0, density: null, independentShare: null });
      // The envelope takes the null as it takes the shares'.
      expect(partnershipsDataSchema.safeParse({ ...data, figures: f }).success).to.be.true;
    }
  });
});

describe('partnership matrix: model', () => {
  it('mirrors a symmetric edit, never ties an actor to itself, and drops the flag at level 0', () => {
    const m = new MatrixModel({ actors, ties });
    const college = m.indexOf('college');
    const club = m.indexOf('club');
    expect(m.setLevel(college, club, 3)).to.be.true;
    expect(m.level(club, college)).to.equal(3);
    expect(m.setLevel(college, college, 2)).to.be.false;
    expect(m.setIndependent(college, club, true)).to.be.true;
    expect(m.independent(club, college)).to.be.true;
    m.setLevel(club, college, 0);
    expect(m.independent(college, club)).to.be.false;
    expect(m.setIndependent(college, club, true)).to.be.false;
  });

  it('merges a pair given both ways into a symmetric map as switching does: stronger level, its flag; equal: either flag', () => {
    const pair = (ab: [number, boolean], ba: [number, boolean]) => [
      { source: 'town', target: 'college', level: ab[0] as 1, independent: ab[1] },
      { source: 'college', target: 'town', level: ba[0] as 1, independent: ba[1] },
    ];
    const cases: Array<[[number, boolean], [number, boolean], number, boolean]> = [
      [[1, true], [3, false], 3, false],
      [[3, false], [1, true], 3, false],
      [[2, true], [2, false], 2, true],
      [[2, false], [2, true], 2, true],
    ];
    for (const [ab, ba, level, independent] of cases) {
      const given = { directed: false, actors, ties: pair(ab, ba) };
      const loaded = new MatrixModel(given);
      const switched = new MatrixModel({ ...given, directed: true });
      switched.setDirected(false);
      for (const m of [loaded, switched]) {
        expect([m.level(0, 1), m.independent(0, 1)], JSON.stringify([ab, ba])).to.deep.equal([level, independent]);
      }
      expect(opposedPairs(given)).to.deep.equal([['town', 'college']]);
    }
    // The same both ways, or one way only: nothing is lost.
    expect(opposedPairs({ directed: false, actors, ties: pair([2, true], [2, true]) })).to.deep.equal([]);
    expect(opposedPairs({ directed: false, actors, ties })).to.deep.equal([]);
  });

  it('keeps one-way ties apart when directed, and merges them (stronger wins) when made symmetric', () => {
    const m = new MatrixModel({ directed: true, actors: actors.slice(0, 2) });
    m.setLevel(0, 1, 1);
    m.setLevel(1, 0, 4);
    m.setIndependent(1, 0, true);
    expect(m.level(0, 1)).to.equal(1);
    expect(m.ties()).to.have.length(2);
    m.setDirected(false);
    expect(m.level(0, 1)).to.equal(4);
    expect(m.independent(0, 1)).to.be.true;
    expect(m.ties()).to.deep.equal([{ source: 'town', target: 'college', level: 4, independent: true }]);
  });

  it('removes an actor with its ties and restores both exactly', () => {
    const m = new MatrixModel({ actors, ties });
    const before = m.toData();
    const removed = m.removeActor(m.indexOf('college'))!;
    expect(removed.ties).to.have.length(3);
    expect(m.size).to.equal(5);
    expect(m.ties()).to.deep.equal([{ source: 'bank', target: 'club', level: 4, independent: false }]);
    m.restore(removed);
    expect(m.toData()).to.deep.equal(before);
  });

  it('never holds what the envelope refuses: duplicate actor ids, ties to unknown actors, self-ties', () => {
    const submitted = (m: MatrixModel) => {
      const data = m.toData();
      return partnershipsDataSchema.safeParse({ ...data, figures: computeFigures(data) });
    };
    const m = new MatrixModel({
      actors: [...actors, { id: 'college', name: 'Another college', sector: 'education' }],
      ties: [
        ...ties,
        { source: 'club', target: 'club', level: 2, independent: false },
        { source: 'club', target: 'ghost', level: 3, independent: true },
      ],
    });
    expect(m.actors.filter((a) => a.id === 'college')).to.have.length(1);
    expect(submitted(m).success, JSON.stringify(submitted(m).error?.issues)).to.be.true;
    // Every edit keeps it so: adding, renaming, removing and restoring actors, setting levels.
    m.addActor({ id: actorIdFor('Club', new Set(m.actors.map((a) => a.id))), name: 'Club', sector: 'culture' });
    for (let i = 0; i < m.size; i++) for (let j = 0; j < m.size; j++) m.setLevel(i, j, ((i + j) % 5) as 0);
    const removed = m.removeActor(1)!;
    m.restore(removed);
    m.restore(removed);
    m.setActors([...m.actors, m.actors[0]!]);
    m.setDirected(true);
    m.setTies([...m.ties(), { source: 'town', target: 'town', level: 4, independent: true }]);
    expect(submitted(m).success, JSON.stringify(submitted(m).error?.issues)).to.be.true;
  });

  it('makes readable, unique ids from names', () => {
    const taken = new Set(['city-college']);
    expect(actorIdFor('City College', taken)).to.equal('city-college-2');
    expect(actorIdFor('Ærø Café', new Set())).to.equal('ærø-cafe');
    expect(actorIdFor('!!!', new Set())).to.equal('actor');
  });

  it('cuts the id of a long name between characters, never inside one, and never after a hyphen', () => {
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    // "𠮷" (U+20BB7) is two UTF-16 code units; here it straddles the 48th.
    const name = 'Japansk kulturforening i Nordbyen v. Ken 𠮷田 og 𠮷川';
    const id = actorIdFor(name, new Set());
    expect(lone.test(id), JSON.stringify(id)).to.be.false;
    expect(id).to.equal('japansk-kulturforening-i-nordbyen-v-ken-𠮷田-og');
    expect(id.length).to.be.at.most(48);
    const again = actorIdFor(name, new Set([id]));
    expect(again).to.equal(`${id}-2`);
    // Astral letters throughout: still at most 48 code units, so that "-2" stays within the 64 ids may have.
    const astral = actorIdFor('𠮷'.repeat(40), new Set());
    expect([astral.length, lone.test(astral)]).to.deep.equal([48, false]);
    // A word cut at the limit leaves no hyphen at the end.
    expect(actorIdFor(`${'a'.repeat(47)} b`, new Set())).to.equal('a'.repeat(47));
    // The map with that actor is one a collector takes.
    const m = new MatrixModel();
    for (const n of [name, 'Egeby IF']) {
      m.addActor({ id: actorIdFor(n, new Set(m.actors.map((a) => a.id))), name: n, sector: 'culture' });
    }
    m.setTies([{ source: m.actors[0]!.id, target: m.actors[1]!.id, level: 2, independent: false }]);
    const data = m.toData();
    const ctx = { community: 'c', round: 'r', criteriaSet: { id: 'common-criteria', version: '1.0' }, locale: 'da' };
    expect(() =>
      createEnvelope('partnerships', ctx, { ...data, figures: computeFigures(data) as unknown as Figures }),
    ).not.to.throw();
  });
});

describe('partnership matrix: CSV', () => {
  it('escapes quotes, commas and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).to.equal('plain');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\nlines')).to.equal('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x")')).to.equal(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).to.equal("'+1");
    expect(csvField('-2')).to.equal("'-2");
    expect(csvField('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvField(3)).to.equal('3');
    expect(csvField(true)).to.equal('true');
  });

  it('defuses every cell the shared rule of src/core/csv.ts defuses (full-width signs, leading spaces, tab, CR)', () => {
    const formulas = [
      '\uff1dHYPERLINK("http://x","y")',
      '\uff0b1',
      '\uff0d1',
      '\uff20SUM(A1)',
      ' =1+1',
      '\u00a0=1+1',
      '  \uff1dcmd',
      '\t=1',
      '\r=1',
    ];
    for (const text of formulas) {
      expect(neutralise(text), JSON.stringify(text)).to.equal(`'${text}`);
      expect(parseCsv(csvField(text))[0]![0], JSON.stringify(text)).to.equal(`'${text}`);
    }
    const nodes = parseCsv(actorsToCsv([{ id: 'x', name: '\uff1dHYPERLINK("http://x","y")', sector: 'culture' }]));
    expect(nodes[1]).to.deep.equal(['x', `'\uff1dHYPERLINK("http://x","y")`, 'culture']);
    // Text that only holds such a sign further on is left alone.
    expect(csvField('Bank\uff1dTown')).to.equal('Bank\uff1dTown');
  });

  it('writes an edge list and a node list that read back', () => {
    const text = tiesToCsv(ties);
    const rows = parseCsv(text);
    expect(rows[0]).to.deep.equal(['source', 'target', 'level', 'independent']);
    expect(rows[2]).to.deep.equal(['college', 'bank', '2', 'true']);
    expect(rows).to.have.length(5);
    const nodes = parseCsv(actorsToCsv([{ id: 'x', name: '=cmd, "quoted"', sector: 'culture' }]));
    expect(nodes[1]).to.deep.equal(['x', `'=cmd, "quoted"`, 'culture']);
  });
});

describe('partnership matrix: JSON validation', () => {
  it('round-trips an export, and the export fits the envelope schema', () => {
    const text = matrixToJson({ directed: false, actors, ties });
    const back = parseMatrixJson(text);
    expect(back.ok).to.be.true;
    if (back.ok) expect(back.value).to.deep.equal({ directed: false, actors, ties });
    const parsed = JSON.parse(text);
    expect(partnershipsDataSchema.safeParse(parsed).success).to.be.true;
    expect(parsed.figures.isolated).to.deep.equal(['choir']);
  });

  it('the envelope schema refuses duplicate actor ids, ties to unknown actors and self-ties, by path', () => {
    const figures = computeFigures({ directed: false, actors, ties });
    const data = {
      directed: false,
      actors: [...actors, { ...actors[0]!, name: 'Again' }],
      ties: [...ties, { source: 'club', target: 'ghost', level: 1, independent: false }],
      figures,
    };
    data.ties.push({ source: 'bank', target: 'bank', level: 2, independent: false });
    const parsed = partnershipsDataSchema.safeParse(data);
    expect(parsed.success).to.be.false;
    const issues = parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).to.deep.equal([
      `actors.${actors.length}.id: another actor already has the id "${actors[0]!.id}"`,
      `ties.${ties.length}.target: no actor has the id "ghost"`,
      `ties.${ties.length + 1}: a tie from "bank" to itself is not possible`,
    ]);
  });

  it('the envelope schema bounds figures: no deep nesting, no "__proto__" key', () => {
    const data = { directed: false, actors, ties, figures: computeFigures({ directed: false, actors, ties }) };
    expect(partnershipsDataSchema.safeParse(data).success).to.be.true;
    let deep: unknown = 0;
    for (let i = 0; i < 20; i++) deep = { a: deep };
    expect(partnershipsDataSchema.safeParse({ ...data, figures: { deep } }).success).to.be.false;
    const proto = JSON.parse('{"density": 1, "__proto__": {"x": 1}}');
    const refused = partnershipsDataSchema.safeParse({ ...data, figures: proto });
    expect(refused.success).to.be.false;
    expect(refused.error!.issues[0]!.message).to.match(/__proto__/);
  });

  it('names duplicate ids, unknown actors, self-ties and bad levels with their path', () => {
    const dup = validateMatrixData({ actors: [actors[0], actors[1], { ...actors[2], id: 'town' }], ties: [] });
    expect(dup.ok).to.be.false;
    if (!dup.ok) expect(dup.problems[0]).to.deep.include({ code: 'duplicate-id', path: 'actors[2].id', id: 'town' });

    const unknown = validateMatrixData({ actors, ties: [{ source: 'town', target: 'mars', level: 2 }] });
    if (!unknown.ok)
      expect(unknown.problems[0]).to.deep.include({ code: 'unknown-actor', path: 'ties[0].target', id: 'mars' });
    else expect.fail('a tie to an unknown actor was accepted');

    const level = validateMatrixData({ actors, ties: [{ source: 'town', target: 'bank', level: 7 }] });
    if (!level.ok) expect(level.problems[0]).to.deep.include({ code: 'level', path: 'ties[0].level', value: '7' });
    else expect.fail('level 7 was accepted');

    const self = validateMatrixData({ actors, ties: [{ source: 'bank', target: 'bank', level: 1 }] });
    expect(!self.ok && self.problems[0]!.code).to.equal('self-tie');

    const json = parseMatrixJson('{"actors": [');
    expect(!json.ok && json.problems[0]!.code).to.equal('json');
  });

  it('names an actor whose name another has, letter case, spacing and Unicode forms aside', () => {
    // One organisation as people type it: case, spaces around and inside, a non-breaking space,
    // full-width letters (NFKC), a soft hyphen, the German sharp s.
    for (const [a, b] of [
      ['Savings Bank', ' savings  BANK '],
      ['Savings Bank', 'Savings\u00a0Bank'],
      ['Savings Bank', 'Ｓａｖｉｎｇｓ Bank'],
      ['Savings Bank', 'Sav\u00adings Bank'],
      ['Sportverein Straße', 'SPORTVEREIN STRASSE'],
      ['Café Nord', 'Cafe\u0301 nord'],
    ]) {
      expect(nameKey(a!), `${a} / ${b}`).to.equal(nameKey(b!));
    }
    expect(nameKey('Savings Bank')).not.to.equal(nameKey('Savings Bank North'));
    expect(nameKey('Cafe Nord'), 'an accent is not case').not.to.equal(nameKey('Café Nord'));

    const same = validateMatrixData({
      actors: [actors[0], actors[2], { id: 'bank2', name: ' SAVINGS  bank', sector: 'culture' }],
      ties: [],
    });
    if (same.ok) expect.fail('two actors of one name were accepted');
    else {
      expect(same.problems).to.deep.equal([
        {
          code: 'duplicate-name',
          path: 'actors[2].name',
          id: 'SAVINGS  bank',
          value: 'Savings Bank',
          detail: 'actors[1].name',
        },
      ]);
      expect(describeMatrixProblem(same.problems[0]!)).to.equal(
        'actors[2].name: the name "SAVINGS  bank" is the same as "Savings Bank" at actors[1].name (letter case, spacing and Unicode forms aside)',
      );
    }
    // A map an earlier version kept on the device may have them: it is read as it is.
    const kept = validateMatrixData(
      { actors: [actors[0], actors[2], { id: 'bank2', name: 'savings bank', sector: 'culture' }] },
      { sameNames: true },
    );
    expect(kept.ok && kept.value.actors.map((a) => a.id)).to.deep.equal(['town', 'bank', 'bank2']);
  });

  it('accepts a partnerships envelope, and names paths inside its data', () => {
    const ok = validateMatrixData({ kind: 'partnerships', data: { actors, ties, figures: {} } });
    expect(ok.ok).to.be.true;
    const bad = validateMatrixData({ kind: 'partnerships', data: { actors: [{ id: 'a', name: '', sector: 'x' }] } });
    expect(!bad.ok && bad.problems[0]!.path).to.equal('data.actors[0].name');
  });
});

describe('partnership matrix: merging a late map into the person’s', () => {
  const mine = {
    directed: false,
    actors: [
      { id: 'harbour', name: 'Harbour', sector: 'civil-society-sport' },
      { id: 'city-college', name: 'city  college', sector: 'culture' },
    ],
    ties: [{ source: 'harbour', target: 'city-college', level: 4 as const, independent: false }],
  };
  const file = {
    directed: false,
    actors: [
      { id: 'college', name: 'City College', sector: 'education' },
      { id: 'harbour', name: 'Harbour Board', sector: 'public-authority' },
      { id: 'town', name: 'Town hall', sector: 'public-authority' },
    ],
    ties: [
      { source: 'college', target: 'harbour', level: 1 as const, independent: true },
      { source: 'town', target: 'college', level: 3 as const, independent: false },
      { source: 'town', target: 'harbour', level: 2 as const, independent: false },
    ],
  };

  it('keeps the person’s map whole and adds what the file has that it has not', () => {
    const { data, added } = mergeMaps(mine, file);
    expect(added).to.equal(2);
    expect(data.actors).to.deep.equal([
      ...mine.actors,
      // Another name under an id the person already uses: another actor, with an id of its own.
      { id: 'harbour-board', name: 'Harbour Board', sector: 'public-authority' },
      { id: 'town', name: 'Town hall', sector: 'public-authority' },
    ]);
    expect(data.ties).to.deep.equal([
      mine.ties[0],
      // "City College" is the person's "city  college" (case and spacing aside); the file's tie
      // between it and "Harbour Board" is not the person's Harbour tie, which is kept as rated.
      { source: 'city-college', target: 'harbour-board', level: 1, independent: true },
      { source: 'town', target: 'city-college', level: 3, independent: false },
      { source: 'town', target: 'harbour-board', level: 2, independent: false },
    ]);
    expect(data.directed).to.equal(false);
    expect(validateMatrixData(data).ok).to.equal(true);
  });

  it('lets the person’s rating of a pair win, in either direction of a symmetric map', () => {
    const rated = { ...file, ties: [{ source: 'college', target: 'town', level: 1 as const, independent: true }] };
    const withTown = {
      ...mine,
      actors: [...mine.actors, { id: 'town', name: 'Town Hall', sector: 'public-authority' }],
    };
    const ownTie = { source: 'town', target: 'city-college', level: 2 as const, independent: false };
    const { data, added } = mergeMaps({ ...withTown, ties: [ownTie] }, rated);
    expect(added).to.equal(1);
    expect(data.ties).to.deep.equal([ownTie]);
    // Directed, a→b and b→a are different pairs: the file's b→a is added.
    const directed = mergeMaps({ ...withTown, directed: true, ties: [ownTie] }, rated);
    expect(directed.data.ties).to.deep.equal([
      ownTie,
      { source: 'city-college', target: 'town', level: 1, independent: true },
    ]);
  });
});
