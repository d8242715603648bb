import { expect, it } from 'vitest';
import { placeholders } from './templates.ts';

/**
 * The two checks every list of reason codes gets (tests only): each language has a template for
 * every code and for nothing else, and each template fills in exactly the params its code is
 * given, each once.
 */
export function templatesCoverCodes(
  what: string,
  codes: Record<string, readonly string[]>,
  templates: Record<'nb' | 'en', Record<string, string>>,
): void {
  const names = Object.keys(codes);
  it.each(['nb', 'en'] as const)(`%s has one for every ${what} code, and for nothing else`, (lang) => {
    expect(Object.keys(templates[lang]).sort()).toEqual([...names].sort());
  });

  it.each((['nb', 'en'] as const).flatMap((lang) => names.map((code) => [lang, code] as const)))(
    '%s %s fills in exactly the params the code is given, each once',
    (lang, code) => {
      const template = templates[lang][code];
      expect(template, `${lang} ${code}`).toBeTypeOf('string');
      expect(placeholders(template as string).sort()).toEqual([...(codes[code] ?? [])].sort());
    },
  );
}
