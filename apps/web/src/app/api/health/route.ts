import { NextResponse } from "next/server";
import { getDb } from "../../../lib/db.ts";

export const dynamic = "force-dynamic";

/** GET → 200 { ok: true, db: "up" } or 503 { ok: false, db: "down" }. */
export async function GET() {
  try {
    // The migrations ledger exists only in a migrated database (an empty SQLite file is "down").
    await getDb().$queryRawUnsafe(`SELECT 1 FROM "_course_migrations" LIMIT 1`);
    return NextResponse.json({ ok: true, db: "up" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[health] database check failed:", (error as Error).message);
    return NextResponse.json({ ok: false, db: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
