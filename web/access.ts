/**
 * What the signed-in person may do in the console, from the permission flags the server puts
 * on Me (server/modules/auth). Routes and the menu are filtered by these; the server still
 * checks every request.
 */
import type { Me } from '../server/modules/auth/auth.schema.ts';
import { useMe } from './api/auth.ts';

export interface Access {
  signedIn: boolean;
  canReadOrg: boolean;
  canManageOrg: boolean;
  canReadPeople: boolean;
  canWritePeople: boolean;
  canImportPeople: boolean;
  canReadAudit: boolean;
  canManageSettings: boolean;
  /** the API docs link in the user menu */
  isAdmin: boolean;
}
export type AccessFlag = keyof Access;

/** The access flags for a person (all false when nobody is signed in). */
export function access(me: Me | null | undefined): Access {
  const has = (p: Me['permissions'][number]) => Boolean(me?.permissions.includes(p));
  return {
    signedIn: Boolean(me),
    canReadOrg: has('org.read'),
    canManageOrg: has('org.manage'),
    canReadPeople: has('people.read'),
    canWritePeople: has('people.write'),
    canImportPeople: has('people.import'),
    canReadAudit: has('audit.read'),
    canManageSettings: has('settings.manage'),
    isAdmin: me?.role === 'admin',
  };
}

/** The access flags of the signed-in person. */
export function useAccess(): Access {
  return access(useMe().data);
}
