/** Svelte action: move focus to this element when it appears (new question, feedback, result). */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
