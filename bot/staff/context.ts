import type { StaffMember } from '../../core/staff/repository.js';
import type { StackContext, StackConvoContext } from '../shared/stack.js';
import type { StaffBotDeps } from './deps.js';

export interface StaffSessionData {
  /** A doctor choosing the kinds of documents to request: the selection so far. */
  requestKinds?: { applicationId: number; kinds: string[] };
}

/** `staff` is set for an active staff member; the gate stops everyone else before any feature. */
export type StaffContext = StackContext<StaffSessionData, StaffBotDeps> & { staff?: StaffMember };
export type StaffConvoContext = StackConvoContext;
