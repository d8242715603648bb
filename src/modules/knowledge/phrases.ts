import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/http/problems.ts';

/**
 * Reusable interpretation phrases: text a lab writes once per gene or variant and context and
 * offers again. A change is a new version linked to the one it replaces; the list shows only the
 * latest version of each phrase.
 */
type Db = Kysely<DB>;

export const phraseSchema = z.object({
  phraseKey: z.string().trim().min(1).max(100),
  gene: z.string().trim().min(1).max(30).optional(),
  variantId: z.number().int().positive().optional(),
  context: z.string().trim().min(1).max(50),
  language: z.enum(['nb', 'en']),
  text: z.string().trim().min(1).max(8000),
  previousId: z.uuid().optional(),
});
export type PhraseInput = z.infer<typeof phraseSchema>;

export async function savePhrase(db: Db, input: PhraseInput, labId: string, authorId: string) {
  let version = 1;
  if (input.previousId) {
    const previous = await db
      .selectFrom('interpretation_phrase')
      .select(['version', 'phrase_key'])
      .where('id', '=', input.previousId)
      .executeTakeFirst();
    if (!previous)
      throw badRequest([{ path: '/body/previousId', rule: 'exists', message: 'no such phrase' }]);
    const newer = await db
      .selectFrom('interpretation_phrase')
      .select('id')
      .where('previous_id', '=', input.previousId)
      .executeTakeFirst();
    if (newer)
      throw badRequest([
        {
          path: '/body/previousId',
          rule: 'latest',
          message: 'that version has been replaced already; edit the latest one',
        },
      ]);
    version = previous.version + 1;
  }
  const id = randomUUID();
  await db
    .insertInto('interpretation_phrase')
    .values({
      id,
      phrase_key: input.phraseKey,
      gene: input.gene ?? null,
      variant_id: input.variantId ?? null,
      context: input.context,
      language: input.language,
      text: input.text,
      version,
      previous_id: input.previousId ?? null,
      lab_id: labId,
      author_id: authorId,
    })
    .execute();
  return { id, version };
}

/** The latest version of each phrase for a gene (or any gene) in a context. */
export async function findPhrases(
  db: Db,
  filter: { gene?: string; context?: string; language?: 'nb' | 'en' },
) {
  let query = db
    .selectFrom('interpretation_phrase as p')
    .innerJoin('organisation as o', 'o.id', 'p.lab_id')
    .select([
      'p.id',
      'p.phrase_key',
      'p.gene',
      'p.variant_id',
      'p.context',
      'p.language',
      'p.text',
      'p.version',
      'p.created_at',
      'o.name as lab',
    ])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('interpretation_phrase as newer')
            .select('newer.id')
            .whereRef('newer.previous_id', '=', 'p.id'),
        ),
      ),
    )
    .orderBy('p.phrase_key');
  if (filter.gene)
    query = query.where((eb) => eb.or([eb('p.gene', '=', filter.gene as string), eb('p.gene', 'is', null)]));
  if (filter.context) query = query.where('p.context', '=', filter.context);
  if (filter.language) query = query.where('p.language', '=', filter.language);
  return query.execute();
}
