/** The localStorage key of a learner's draft (kept apart from the zod parsing, which loads lazily). */
export function draftKey(userId: string, assignmentId: string): string {
  return `course:draft:${userId}:${assignmentId}`;
}
