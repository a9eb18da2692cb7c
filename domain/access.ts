/**
 * Who may see and change what (SPEC ORG-3, NF-2). Pure policy over an actor and a target's
 * place in the organisation; the server resolves ids and calls these on every route.
 */
import type { Role } from './org.ts';

/** The signed-in person as the policy needs them. */
export interface Actor {
  id: string;
  role: Role;
  departmentId: string | null;
  groupId: string | null;
  /** groups this person leads (a lead may lead more than their own) */
  ledGroupIds: string[];
}

/** Where a record sits: whose it is, in which group and department. */
export interface Placement {
  personId: string | null;
  groupId: string | null;
  departmentId: string | null;
}

/** The rows an actor may read, as a filter the repositories apply. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'department'; departmentId: string | null }
  | { kind: 'groups'; groupIds: string[]; personId: string }
  | { kind: 'self'; personId: string };

/** The read scope for service data (KPIs, conversations, appraisals) and the roster. */
export function readScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
    case 'manager':
    case 'hr':
      return { kind: 'all' };
    case 'supervisor':
      return { kind: 'department', departmentId: actor.departmentId };
    case 'lead': {
      const groupIds = [...new Set([...(actor.groupId ? [actor.groupId] : []), ...actor.ledGroupIds])];
      return { kind: 'groups', groupIds, personId: actor.id };
    }
    case 'agent':
      return { kind: 'self', personId: actor.id };
  }
}

/** Whether a record placed at `p` falls inside `scope`. */
export function inScope(scope: Scope, p: Placement): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'department':
      return scope.departmentId !== null && p.departmentId === scope.departmentId;
    case 'groups':
      return p.personId === scope.personId || (p.groupId !== null && scope.groupIds.includes(p.groupId));
    case 'self':
      return p.personId === scope.personId;
  }
}

/** May read this person's profile and records. */
export function canReadPerson(actor: Actor, p: Placement): boolean {
  return inScope(readScope(actor), p);
}

/** Chat content is for the service line; HR needs an explicit grant (SPEC ORG-3). */
export function canReadChatContent(actor: Actor, p: Placement, hrGranted = false): boolean {
  if (actor.role === 'hr') return hrGranted;
  return canReadPerson(actor, p);
}

/** Departments, groups, shops, channels and settings: managers and admins. */
export function canManageOrganisation(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}

/** Roles an actor may hand out; nobody may create someone above themselves. */
export function assignableRoles(actor: Actor): Role[] {
  switch (actor.role) {
    case 'admin':
      return ['agent', 'lead', 'supervisor', 'manager', 'hr', 'admin'];
    case 'manager':
      return ['agent', 'lead', 'supervisor', 'manager', 'hr'];
    case 'hr':
      return ['agent', 'lead', 'supervisor'];
    case 'supervisor':
      return ['agent', 'lead'];
    case 'lead':
    case 'agent':
      return [];
  }
}

/**
 * May create or change the person placed at `p` (before and after a change both must pass).
 * HR, managers and admins everywhere; a supervisor within their department.
 */
export function canWritePerson(actor: Actor, p: Placement): boolean {
  if (actor.role === 'admin' || actor.role === 'manager' || actor.role === 'hr') return true;
  if (actor.role === 'supervisor') return actor.departmentId !== null && p.departmentId === actor.departmentId;
  return false;
}

/** Customer contact data (phone, address) is shown unmasked only to these roles. */
export function canSeeCustomerContact(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'supervisor';
}

/** The audit log: admins only. */
export function canReadAudit(actor: Actor): boolean {
  return actor.role === 'admin';
}
