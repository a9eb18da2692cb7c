import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A Kysely handle or an open transaction: repositories accept either. */
export type Conn = Kysely<Database> | Transaction<Database>;
