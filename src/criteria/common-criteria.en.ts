import { commonCriteriaEnHeadlines as headlines } from './common-criteria.en.headlines.js';
import type { CriteriaSet, Criterion } from './schema.js';

type Details = Pick<Criterion, 'why' | 'prompts' | 'levels'>;

/** Why each criterion matters, its prompts and its levels, by id (the headlines are in their own module). */
const details: Record<string, Details> = {
  initiatives: {
    why: 'A community learns when new ideas can turn into action without waiting for permission from the top. The way initiatives are taken shows whether the community’s channels of communication and collaboration actually work: who can start something, who hears about it, and who joins in. Looking at this regularly tells the community whether those channels are open to everyone or only to a few.',
    prompts: [
      'Who took the last three initiatives that changed something in our community, and how did others hear about them?',
      'What does someone with a new idea have to do to get it started here, and whom do they need to ask?',
      'Which initiatives stalled in the last year, and what stopped them?',
      'Are initiatives mostly taken by the same people and organisations, or do new ones appear?',
    ],
    levels: [
      'Initiatives come almost only from the municipality or a few established institutions, and nobody asks how others could take one.',
      'Now and then a citizen group or an association starts something, usually because one person pushed hard, but there is no known way to do it.',
      'There are known routes for taking an initiative, such as a small fund or an open meeting where ideas are presented, and they are used every year.',
      'Every year the community looks at who used the routes for new initiatives and who did not, and changes them when groups are left out.',
      'How initiatives are taken is reviewed openly and on a fixed schedule with citizens, organisations and authorities, and the findings lead to lasting changes in how ideas get support.',
    ],
  },
  'emerging-needs': {
    why: 'A community can only respond to changes it notices in time. When schools, employers, associations and residents share what they see coming, the community can adjust before a need becomes a crisis or an opportunity is missed. Who speaks, and who is listened to, shows whose knowledge the community actually learns from.',
    prompts: [
      'When did we last learn about a new need or opportunity, and who told us?',
      'Which groups notice changes early but have no place to report them?',
      'Where is information about emerging needs collected, and who reads it?',
      'What happened the last time someone raised a need that did not fit an existing programme?',
    ],
    levels: [
      'Needs are only discussed once they have turned into problems, and usually only by the authorities.',
      'A few people, for example a head teacher or a local business owner, sometimes raise a new need in the local paper or at a meeting.',
      'There are regular forums or channels where organisations and citizens share needs and opportunities, such as a yearly community meeting or a shared newsletter.',
      'The channels are used and put to the test: the community follows up on whether the needs raised were acted on and actively looks for groups whose voices are missing.',
      'Sharing and following up on emerging needs is a permanent, systematic practice, and the way it works is critically discussed and improved together with the people who use it.',
    ],
  },
  'cross-sector-collaboration': {
    why: 'Many of the problems a community faces do not belong to one sector, and neither do their solutions. When a college, a bank and a sports club work together, they combine knowledge, money and contacts that none of them has alone, and they learn from each other’s ways of working. Collaboration across sectors says more about a learning community than the number of courses it offers.',
    prompts: [
      'Which collaborations across sectors do we have today, and which of them would continue if one key person left?',
      'Which sectors rarely sit at the same table here, and why?',
      'What did the partners in our last cross-sector project learn from each other?',
      'Who takes the first step to bring different sectors together, and what helps them do it?',
    ],
    levels: [
      'Education, business, culture, sport and public services each work on their own and rarely meet.',
      'A college and a local bank once ran a joint event, but nothing followed.',
      'Several organisations from different sectors work together regularly, for example on apprenticeships or activities for young people.',
      'Cross-sector partners evaluate their collaboration and openly question whether the right sectors are involved and what the collaboration achieves.',
      'Collaboration across sectors is a permanent way of working, with shared meeting points and regular critical reviews that bring in new partners and new ways of working together.',
    ],
  },
  'citizen-solutions': {
    why: 'The people who live with a problem often know most about it and see solutions that others miss. When groups of citizens help find new solutions, instead of only being consulted on finished plans, the community learns from its own experience. It also gives citizens the skills and confidence they need to act again next time.',
    prompts: [
      'When did a group of citizens last help solve a problem that affected them, and what was their role?',
      'Are citizens asked for ideas at the start, or only for comments on finished plans?',
      'What support (rooms, money, time, expertise) can a citizen group get when it wants to try out a solution?',
      'Which citizens are never involved, and what would it take to involve them?',
    ],
    levels: [
      'Authorities or professionals solve problems for citizens; citizens are at most informed.',
      'Occasionally residents are invited to a workshop about a local problem, but their ideas rarely lead anywhere.',
      'Citizen groups are regularly involved in developing solutions, for example through neighbourhood labs or by designing local services together with professionals.',
      'After each process, the community checks with the citizens involved whether their ideas were used, and changes its methods when they were not.',
      'Involving citizens in finding solutions is a permanent, systematic part of how the community works, and the methods are openly and critically discussed with the citizens themselves.',
    ],
  },
  'talent-innovation': {
    why: 'New ideas and unusual skills are how a community renews itself, but established routines can easily overlook or block them. A community that learns makes it easy for talented and creative people, whether young, newcomers or experienced, to be noticed, to try things out and to fail without paying too high a price. How it treats new ideas shows whether it is willing to change.',
    prompts: [
      'Where can a creative person with a new idea go for support here, and what do they find?',
      'Whose talents have we overlooked, for example those of young people, newcomers or older residents?',
      'How do we react when an experiment fails?',
      'Which new idea from the last few years has become part of everyday life here, and what helped it get there?',
    ],
    levels: [
      'New ideas are seen as a disturbance, and there is no support for people who want to try something new.',
      'A few talented individuals get support, mostly through personal contacts or a one-off competition.',
      'There are regular offers for talent and innovation, such as makerspaces, grants or mentoring, and they are open to many.',
      'The offers for talent and innovation are evaluated and challenged, for example by asking who got support and whose ideas were turned down, and they change as a result.',
      'Welcoming talent and creativity is a permanent, systematic practice that is regularly and critically discussed across sectors, including how the community deals with failure and with ideas that challenge it.',
    ],
  },
  'partnerships-beyond-authorities': {
    why: 'A community that depends on the public authorities for every initiative learns slowly and only in one direction. Partnerships between businesses, associations, schools and citizen groups create more places where people meet, exchange experience and solve problems. The number, variety and strength of these partnerships show how broad the community’s capacity to collaborate really is.',
    prompts: [
      'Which partnerships in our community exist without the municipality or another authority leading them?',
      'What do these partnerships do that the authorities could not do?',
      'What makes it hard to start a partnership without public money or approval?',
      'How do independent partnerships and the authorities learn from each other?',
    ],
    levels: [
      'Almost all partnerships are started and run by public authorities.',
      'There are a few partnerships between associations or businesses, but they are small, short-lived or depend on one enthusiast.',
      'Partnerships outside the authorities are common and active, for example between businesses and schools or among local associations.',
      'Partners review their collaborations, challenge each other on results and on who is missing, and adjust what they do.',
      'A rich and changing network of partnerships outside the authorities is a permanent feature, and its role and its relationship with the authorities are critically discussed on a regular, systematic basis.',
    ],
  },
  'independent-action': {
    why: 'Collaboration is only real when partners can make decisions and act on them. If every step needs approval from above, partnerships and citizen groups cannot test their own ideas or learn from their own mistakes. Independence, with clear responsibilities and trust, lets the community learn in many places at the same time.',
    prompts: [
      'What can a citizen group or partnership decide on its own, and what needs approval?',
      'When did a group last have to stop because it lacked a mandate, money or permission?',
      'Do groups have their own budgets, rooms or tools?',
      'How are independent groups held accountable without being controlled in every detail?',
    ],
    levels: [
      'Partnerships and citizen groups can only act when the authorities decide on and fund every step.',
      'Some groups act independently, but only in exceptional cases or because nobody noticed.',
      'Partnerships and citizen groups regularly act on their own, with their own resources and clear agreements about what they can decide.',
      'Groups and authorities test how far independence can go, look at where it works and where it breaks down, and change mandates and support accordingly.',
      'The balance between independence and shared responsibility is discussed openly and permanently, and groups and authorities adjust it systematically based on experience.',
    ],
  },
  'policy-making': {
    why: 'Policy sets the frame for everything else the community does. When policy is made by only a few people, the rest of the community cannot bring its knowledge into it, and decisions are harder to understand and to change. A learning community looks at how its policies come about and whether they are adjusted in the light of experience.',
    prompts: [
      'Think of the last important policy decision: who took part, and at what stage?',
      'Can citizens and organisations see how a policy is being prepared, and when they can influence it?',
      'How do we find out whether a policy works, and who decides to change it?',
      'Which groups are affected by our policies but never involved in making them?',
    ],
    levels: [
      'Policy is made behind closed doors, and the community hears about it only once it has been decided.',
      'Now and then a hearing or a survey is held on a policy, but it has little influence.',
      'Organisations and citizens are regularly involved when policies are prepared, for example through open consultations or advisory groups.',
      'Policies are evaluated after they come into effect, and the community checks whose input was used and whose was ignored.',
      'How policy is made is itself reviewed and critically discussed on a permanent, systematic basis, and policies are routinely revised together with those they affect.',
    ],
  },
  trust: {
    why: 'Without trust, people keep information to themselves, avoid risks and do not collaborate. Trust grows when promises are kept, information is shared and mistakes can be discussed without anyone being blamed. It takes time to build and can be lost quickly, so a learning community works on it deliberately instead of taking it for granted.',
    prompts: [
      'Where do collaborators or citizens distrust each other, or the authorities, and why?',
      'Which promises made to citizens in the last year were kept, and which were not?',
      'Can mistakes be discussed openly in our partnerships without someone being blamed?',
      'What do we do to rebuild trust when it has been damaged?',
    ],
    levels: [
      'Trust is not discussed, and there is widespread suspicion between authorities, organisations and citizens.',
      'Trust exists between some individuals, but it depends on personal relationships and disappears when people leave.',
      'Collaborators and authorities regularly do things that build trust, such as sharing information openly and reporting back on what happened to citizens’ input.',
      'Partners and citizens are regularly asked how much they trust each other and the authorities, and the answers lead to concrete changes.',
      'Trust between collaborators and between authorities and citizens is cared for permanently and systematically, and breaches of trust are discussed openly and used to improve how the community works.',
    ],
  },
  entrepreneurship: {
    why: 'Entrepreneurship is about seeing an opportunity and acting on it, whether the result is a business, a social enterprise or a community project. When many kinds of organisations and citizen groups take part, the community gets more experiments and learns more from them. When only a few do, many ideas and skills remain unused.',
    prompts: [
      'Who starts new businesses, social enterprises or community projects here, and who does not?',
      'What support is there for entrepreneurs, and who actually uses it?',
      'Do schools, associations and cultural organisations see themselves as part of entrepreneurship?',
      'What happens to entrepreneurs who fail, and can they try again?',
    ],
    levels: [
      'Entrepreneurship is seen as a matter for businesses alone, and there is no shared effort around it.',
      'A few start-ups or social enterprises appear, carried by individual initiative rather than by the community.',
      'Several organisations, such as schools, business networks and associations, regularly support entrepreneurship among different groups of citizens.',
      'The community checks which groups take part in entrepreneurship and which do not, and changes its support to reach those who are missing.',
      'Broad involvement in entrepreneurship is permanent and systematic, and the community regularly and critically discusses who takes part, who benefits and how to support new kinds of entrepreneurs.',
    ],
  },
  inclusion: {
    why: 'Most communities have principles of inclusion on paper; what matters is whether people actually take part. A community only learns from the people it includes, so whenever someone is left out, knowledge is lost too. Checking how inclusion works in practice shows where the community’s infrastructures of communication and collaboration reach and where they stop.',
    prompts: [
      'Which groups do we rarely see in our meetings, partnerships and projects?',
      'What practical barriers (language, time, cost, access, digital tools) keep people from taking part?',
      'How do we know whether our inclusion principles work, and who tells us when they do not?',
      'What have we changed in the last year to include someone who was left out?',
    ],
    levels: [
      'Inclusion is not addressed, or it exists only as a statement in a policy document.',
      'Occasional efforts are made to include specific groups, for example a translated leaflet or a single event.',
      'Inclusion is practised regularly: meetings and services are designed to be accessible, and there is ongoing outreach to groups who are left out.',
      'The community keeps track of who actually takes part and involves the groups who are left out in changing what does not work.',
      'How inclusion works in practice is permanently and systematically reviewed and critically discussed with the people concerned, and the infrastructures are changed as a result.',
    ],
  },
  'community-mentality': {
    why: 'A community mentality is the sense that ‘this is our community, and we are responsible for it together’. It makes people willing to share, help and take part, and it keeps collaboration alive when projects end and people move on. It does not appear by itself but has to be encouraged and maintained, and a learning community looks at how it does this.',
    prompts: [
      'What makes people here feel that they belong to the community, and who does not feel that way?',
      'Where do people from different parts of the community meet and do things together?',
      'How do we pass on experience and shared stories to newcomers and younger generations?',
      'What weakens our community mentality, and what do we do about it?',
    ],
    levels: [
      'People mainly look after themselves or their own organisation, and nobody works on the sense of community.',
      'A sense of community appears on special occasions, such as a festival or a crisis, but fades afterwards.',
      'The community regularly creates occasions and places where people meet, help each other and take shared responsibility.',
      'Activities that build community are evaluated: the community asks who feels part of it and who does not, and changes what it does.',
      'Encouraging, developing and sustaining a community mentality is a permanent, systematic effort that is openly and critically discussed, including where it has blind spots and whom it leaves out.',
    ],
  },
};

/**
 * The built-in Common Criteria in English, in full. (Pure: a module that imports the criteria's
 * index for something else does not load this text; it loads on demand, see builtin.ts.)
 */
export const commonCriteriaEn: CriteriaSet = {
  ...headlines,
  criteria: /* @__PURE__ */ headlines.criteria.map((c) => ({ ...c, ...details[c.id]! })),
};

export default commonCriteriaEn;
