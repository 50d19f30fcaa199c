import type { ChoiceItem, FillInItem, MatchingItem, OrderingItem } from '../../src/lib/quiz-model.ts';

/** Small hand-built runtime items (readable key) whose texts and ids tests can assert exactly. */
const common = {
  interactionId: 'u1-lo1-quiz-q01',
  prompt: 'Prompt',
  criteria: [],
  objectives: [],
  bank: 'lo1',
  key: { sealed: false as const, parts: [] },
  feedback: null,
};
export const single: ChoiceItem = {
  ...common,
  id: 'single',
  type: 'single',
  options: [
    { id: 'a', text: 'Apologise', feedback: null },
    { id: 'b', text: 'Blame the courier', feedback: null },
    { id: 'c', text: 'Call back', feedback: null },
  ],
  shuffle: false,
  customerMessage: null,
};
export const matching: MatchingItem = {
  ...common,
  id: 'match',
  type: 'matching',
  prompts: [
    { id: 'p1', text: 'Refund' },
    { id: 'p2', text: 'Delay' },
    { id: 'p3', text: 'Damage' },
  ],
  answers: [
    { id: 'x', text: 'Finance' },
    { id: 'y', text: 'Logistics' },
    { id: 'z', text: 'Claims' },
  ],
  shuffle: false,
};
export const ordering: OrderingItem = {
  ...common,
  id: 'order',
  type: 'ordering',
  steps: [
    { id: 's1', text: 'Listen' },
    { id: 's2', text: 'Greet' },
    { id: 's3', text: 'Resolve' },
  ],
};
export const fillIn: FillInItem = { ...common, id: 'fill', type: 'fill-in', maxLength: 40 };
