import { describe, expect, it } from 'vitest';
import { outcomesToRevisit, revisitLinks, type TeachingModule } from '../../src/lib/revisit-links.ts';
import { single } from '../support/runtime-items.ts';

const modules: TeachingModule[] = [
  // The quiz's own module: never linked (the learner is in it).
  { id: 'm1', title: 'Module one', lessons: [{ slug: 'intro', title: 'Intro', sections: [{ criteria: ['C1'] }], criteria: ['C1'] }] },
  {
    id: 'm2',
    title: 'Module two',
    lessons: [
      { slug: 'chat', title: 'Live chat', sections: [{ criteria: null }, { criteria: ['C1', 'C2'] }], criteria: [] },
      // No sections: the lesson's own criteria say what it teaches.
      { slug: 'phone', title: 'Phone', sections: [], criteria: ['C2'] },
      // Sections decide when there are any, whatever the lesson's own list says.
      { slug: 'email', title: 'Email', sections: [{ criteria: ['C3'] }], criteria: ['C1'] },
    ],
  },
  { id: 'm3', title: 'Module three', lessons: [{ slug: 'refunds', title: 'Refunds', sections: [{ criteria: ['C1'] }], criteria: [] }] },
];

const chat = { href: 'm2.html?read#lesson-chat', title: 'Live chat', moduleTitle: 'Module two' };

describe('revisitLinks', () => {
  it('links each criterion once to the lessons in other modules whose sections teach it', () => {
    expect(revisitLinks(['C1', 'C2', 'C1', 'C9'], modules, (id) => `Wording of ${id}`, 'm1')).toEqual({
      C1: { text: 'Wording of C1', lessons: [chat, { href: 'm3.html?read#lesson-refunds', title: 'Refunds', moduleTitle: 'Module three' }] },
      C2: { text: 'Wording of C2', lessons: [chat, { href: 'm2.html?read#lesson-phone', title: 'Phone', moduleTitle: 'Module two' }] },
      C9: { text: 'Wording of C9', lessons: [] },
    });
  });
});

describe('outcomesToRevisit', () => {
  it('lists, per outcome, the missed criteria in the outcome’s order, blank where no wording is known', () => {
    const entries = [
      { item: { ...single, criteria: ['C1', 'C5'] }, score: 0.5 },
      { item: { ...single, criteria: ['C2'] }, score: 1 },
    ];
    const outcomes = [
      { objectiveId: 'm1-a', title: 'Outcome A', criteria: ['C5', 'C2', 'C1'] },
      { objectiveId: 'm1-b', title: 'Outcome B', criteria: ['C2'] },
    ];
    expect(outcomesToRevisit(entries, outcomes, { C1: { text: 'Wording of C1', lessons: [chat] } })).toEqual([
      {
        objectiveId: 'm1-a',
        title: 'Outcome A',
        criteria: [
          { id: 'C5', text: '', lessons: [] },
          { id: 'C1', text: 'Wording of C1', lessons: [chat] },
        ],
      },
    ]);
  });
});
