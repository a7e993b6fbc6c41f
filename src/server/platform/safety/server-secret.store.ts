// The generated server secret, kept as a row of the settings table (never served: only known keys are).
import type { Queryable } from '../db/database';

export const SECRET_SETTING_KEY = 'secret.signing';

/** Stores the candidate unless a secret exists already, then returns whichever won. */
export async function keepServerSecret(db: Queryable, candidate: string): Promise<string> {
  await db.insertInto('settings').values({ key: SECRET_SETTING_KEY, value: JSON.stringify(candidate) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECRET_SETTING_KEY).executeTakeFirstOrThrow();
  if (typeof row.value !== 'string' || row.value.length < 32) throw new Error(`The stored ${SECRET_SETTING_KEY} setting is not a valid secret`);
  return row.value;
}
