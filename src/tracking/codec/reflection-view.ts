import type { ReflectionShape } from '../learner-state.ts';
import type { BitReader, BitWriter } from './bits.ts';

/** Free text is written only where the LMS can hold it (not SCORM 1.2: the browser copy keeps it there). */
export function writeReflectionView(out: BitWriter, texts: readonly string[], shape: ReflectionShape, includeText: boolean): void {
  if (includeText) shape.prompts.forEach((prompt, i) => out.text(texts[i] ?? '', prompt.maxLength));
}

export function readReflectionView(input: BitReader, shape: ReflectionShape, includesText: boolean): string[] {
  return shape.prompts.map((prompt) => (includesText ? input.text(prompt.maxLength) : ''));
}

/** The largest reflection record: every prompt at its limit in 4-byte characters. */
export function worstCaseReflectionView(shape: ReflectionShape): string[] {
  return shape.prompts.map((p) => '😀'.repeat(p.maxLength));
}
