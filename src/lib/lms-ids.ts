/**
 * Ids sent to an LMS are a contract with tutors' reports and with the manifest:
 * short, stable, no spaces. Build them only here.
 */
export function objectiveId(moduleId: string, outcomeId: string): string {
  return `${moduleId}-${outcomeId}`;
}

/** One decision in a scenario, e.g. `practice-familiar-system-failure-greet`. */
export function scenarioInteractionId(moduleId: string, scenarioId: string, nodeId: string): string {
  return `${moduleId}-${scenarioId}-${nodeId}`;
}

export function quizInteractionId(moduleId: string, itemId: string): string {
  return `${moduleId}-quiz-${itemId}`;
}
