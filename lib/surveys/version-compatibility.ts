import type { SurveyDefinition } from "./definition";
import { optionListsOf } from "./question-parts";

type Meaning = { type: string; codeOf: Map<string, number>; idOf: Map<number, string> };

/**
 * Responses of every version are summarised together by question id and option code, so
 * neither may change its meaning: a question id that was published as one type cannot come back
 * as another, an option keeps the code it was published with, and a published code cannot be
 * given to a different option (the "other" option's code is editable, so this is where it shows).
 * Returns field errors (empty when compatible), keyed like the definition form's fields.
 */
export function versionConflicts(next: SurveyDefinition, published: readonly SurveyDefinition[]): Record<string, string[]> {
  const byId = new Map<string, Meaning>();
  for (const definition of published) {
    for (const question of definition.questions) {
      const meaning = byId.get(question.id) ?? { type: question.type, codeOf: new Map(), idOf: new Map() };
      meaning.type = question.type;
      for (const option of optionListsOf(question).flatMap((list) => list.entries)) {
        meaning.codeOf.set(option.id, option.code);
        meaning.idOf.set(option.code, option.id);
      }
      byId.set(question.id, meaning);
    }
  }
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  next.questions.forEach((question, index) => {
    const earlier = byId.get(question.id);
    if (!earlier) return;
    if (earlier.type !== question.type) {
      add(`questions.${index}.id`, `Question id "${question.id}" was published as ${earlier.type}; give this question a new id`);
      return;
    }
    for (const list of optionListsOf(question)) {
      for (const option of list.entries) {
        const path = list.key === "other" ? `questions.${index}.other.code` : `questions.${index}.${list.key}`;
        const publishedCode = earlier.codeOf.get(option.id);
        const publishedOwner = earlier.idOf.get(option.code);
        if (publishedCode !== undefined && publishedCode !== option.code) {
          add(path, `Option "${option.id}" was published with code ${publishedCode}; keep it so earlier answers keep their meaning`);
        } else if (publishedOwner !== undefined && publishedOwner !== option.id) {
          add(path, `Code ${option.code} was published for option "${publishedOwner}"; choose a code not used before`);
        }
      }
    }
  });
  return errors;
}
