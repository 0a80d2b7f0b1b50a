import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Puts the server's per-field messages (from the shared zod schema) next to the form's fields. */
export function applyFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: Record<string, string[]> | undefined) {
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    if (field !== "_form" && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
}
