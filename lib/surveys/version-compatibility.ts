import type { SurveyDefinition } from "./definition";

/**
 * Responses of every version are summarised together by question id, so an id may never
 * change its meaning: a question id that was published as one type cannot come back as another.
 * Returns field errors (empty when compatible), keyed like the definition form's fields.
 */
export function versionConflicts(next: SurveyDefinition, published: readonly SurveyDefinition[]): Record<string, string[]> {
  const typeById = new Map<string, string>();
  for (const definition of published) for (const question of definition.questions) typeById.set(question.id, question.type);
  const errors: Record<string, string[]> = {};
  next.questions.forEach((question, index) => {
    const earlier = typeById.get(question.id);
    if (earlier && earlier !== question.type) {
      errors[`questions.${index}.id`] = [`Question id "${question.id}" was published as ${earlier}; give this question a new id`];
    }
  });
  return errors;
}
