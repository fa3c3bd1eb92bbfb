import type { CriteriaHeadlines } from './builtin.js';

/**
 * The built-in set in English, headlines only (id, title, question): what a rating shows, loaded
 * with every element. The rest of the English content is in `common-criteria.en.ts`.
 */
export const commonCriteriaEnHeadlines: CriteriaHeadlines = {
  id: 'common-criteria',
  version: '1.0.0',
  locale: 'en',
  name: 'The Common Criteria of a learning community',
  criteria: [
    {
      id: 'initiatives',
      title: 'Taking initiatives',
      question: 'How are initiatives taken?',
    },
    {
      id: 'emerging-needs',
      title: 'Communicating emerging needs',
      question: 'Who is communicating about emerging needs or opportunities?',
    },
    {
      id: 'cross-sector-collaboration',
      title: 'Collaboration across sectors',
      question: 'To what extent are different sectors collaborating, a college, a bank and a sport club?',
    },
    {
      id: 'citizen-solutions',
      title: 'Citizens finding solutions',
      question: 'How are groups of citizens involved in finding new ways to solve their problems?',
    },
    {
      id: 'talent-innovation',
      title: 'Welcoming talent and innovation',
      question: 'How are talent and innovation and creativity welcomed and supported?',
    },
    {
      id: 'partnerships-beyond-authorities',
      title: 'Partnerships beyond the authorities',
      question: 'What kinds of partnerships are created outside the public authorities?',
    },
    {
      id: 'independent-action',
      title: 'Acting independently',
      question: 'To what extent can partnerships and groups of citizens act independently?',
    },
    {
      id: 'policy-making',
      title: 'How policy is made',
      question: 'How is policy created?',
    },
    {
      id: 'trust',
      title: 'Trust',
      question: 'How is trust built between the collaborators and between authorities and citizens?',
    },
    {
      id: 'entrepreneurship',
      title: 'Entrepreneurship',
      question: 'What organisations and groups of citizens are involved in entrepreneurship?',
    },
    {
      id: 'inclusion',
      title: 'Inclusion in practice',
      question: 'How are the community’s inclusion principles and infrastructures working in practice?',
    },
    {
      id: 'community-mentality',
      title: 'Community mentality',
      question: 'How is a community mentality encouraged, developed and sustained?',
    },
  ],
};
