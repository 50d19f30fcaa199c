export { default as Quiz } from './quiz.svelte';
export { QuizState } from './quiz-state.svelte.ts';
export type { RuntimeQuiz, RuntimeItem } from './quiz-model.ts';
