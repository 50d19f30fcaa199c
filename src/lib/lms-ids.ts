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

/**
 * The same id in a form made only of letters, digits and ':', for LMSs that
 * refuse identifiers containing - _ . ! ~ * ' ( ) (forma.lms's SCORM 2004
 * player does). '-' becomes ':'; any other character outside [a-z0-9] becomes
 * ':X' and its upper-case hex code, so the mapping never merges two ids (our
 * ids are lower case) and applying it twice changes nothing.
 * `u219-lo1-quiz-q07` -> `u219:lo1:quiz:q07`.
 */
export function fallbackLmsId(id: string): string {
  return id.replace(/[^A-Za-z0-9:]/g, (char) => (char === '-' ? ':' : `:X${char.charCodeAt(0).toString(16).toUpperCase()}`));
}
