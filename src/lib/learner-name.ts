/**
 * The learner's name as people write it ("Sam Student"), from whatever the LMS
 * gives: SCORM says "Last, First" (Moodle: "Student, Sam"), forma.lms sends
 * "Student,Sam", others "Sam Student". Returns '' when there is nothing usable,
 * so callers can leave the name out rather than show something garbled.
 */
export function displayName(lmsName: string): string {
  // Stryker disable next-line MethodExpression: equivalent, every part is trimmed after the comma split, and a blank name fails the letter test either way
  const cleaned = lmsName.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned || !/\p{L}/u.test(cleaned)) return '';
  const parts = cleaned.split(',').map((part) => part.trim()).filter(Boolean);
  // "Last, First" (one comma): swap. More commas than that is not a name format we know: keep it as given.
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`;
  return parts.join(', ');
}

/** The first name, for a greeting ("Welcome back, Sam"), or '' when unknown. */
export function firstName(lmsName: string): string {
  // Stryker disable next-line StringLiteral: equivalent, split always gives at least one string, so the fallback is never used
  return displayName(lmsName).split(' ')[0] ?? '';
}
