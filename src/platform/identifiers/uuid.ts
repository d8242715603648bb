/**
 * Whether `text` is a UUID in its usual 8-4-4-4-12 hexadecimal form, any version: database ids
 * (gen_random_uuid), name-based report ids, ids typed on a command line.
 */
export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
