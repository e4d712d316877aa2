import type { Db } from "../client.ts";

/** What a staff action changed, for the course's audit log. */
export interface StaffAuditEntry {
  actorId: string;
  courseId: string;
  /** Dotted verb, e.g. "assignment.update", "extension.grant", "regrade.start". */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

type AuditWriter = Pick<Db, "auditLog">;

/**
 * Writes one audit row: who (actorId), what (action on entityType/entityId), when (createdAt) and
 * the state before and after as JSON { before, after }. Takes a transaction client too, so the
 * entry commits or rolls back with the change it describes.
 */
export async function recordStaffAudit(db: AuditWriter, e: StaffAuditEntry, now = new Date()): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: e.actorId,
      courseId: e.courseId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      data: JSON.stringify({ before: e.before ?? null, after: e.after ?? null }),
      createdAt: now,
    },
  });
}
