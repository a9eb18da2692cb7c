/** The words a manager added to the inspection lexicons (Kysely, one query per method). */
import type { Insertable, Selectable } from 'kysely';
import type { QaLexiconWordTable } from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type LexiconWordRow = Selectable<QaLexiconWordTable>;

/** Every added word, by list then word. */
export const listWords = (db: Conn) =>
  db.selectFrom('qa_lexicon_words').selectAll().orderBy('list').orderBy('word').execute();

/** Added words; a word already in its list is skipped (returns the rows that went in). */
export const insertWords = (db: Conn, rows: Insertable<QaLexiconWordTable>[]) =>
  rows.length === 0
    ? Promise.resolve([] as LexiconWordRow[])
    : db
        .insertInto('qa_lexicon_words')
        .values(rows)
        .onConflict((oc) => oc.columns(['list', 'word']).doNothing())
        .returningAll()
        .execute();

/** One added word, or undefined. */
export const findWord = (db: Conn, id: string) =>
  db.selectFrom('qa_lexicon_words').selectAll().where('id', '=', id).executeTakeFirst();

/** Removes one added word. */
export const deleteWord = (db: Conn, id: string) => db.deleteFrom('qa_lexicon_words').where('id', '=', id).execute();
