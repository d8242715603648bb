/** Texts with `{name}` placeholders: every translated template in the dictionaries is one. */

/** The template with each `{name}` replaced by its value (an unknown name by nothing). */
export function fillTemplate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
}

/** The placeholder names of a template, in order, repeats included. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}
