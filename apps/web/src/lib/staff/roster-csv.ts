// Roster CSV: reading an import (csv-parse; every row checked, the first bad one reported by its
// line number, nothing imported unless all are valid) and writing the export (UTF-8 with a BOM,
// so spreadsheets show Chinese names).
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { RoleSchema, type RosterImportRow, type RosterMember } from "@course/db";
import { staffMessages } from "../i18n/messages/staff.ts";
import { translator, type Locale } from "../i18n/index.ts";
import { EMAIL_MAX, NAME_MAX } from "../signup.ts";

export const ROSTER_MAX_ROWS = 2000;
export const ROSTER_MAX_BYTES = 512 * 1024;

export type RosterParse = { ok: true; rows: RosterImportRow[] } | { ok: false; line: number | null; message: string };

const HEADER = ["email", "name", "role"] as const;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function parseRosterCsv(text: string, locale: Locale): RosterParse {
  const t = translator(staffMessages, locale);
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    const reason = (error as Error).message.replace(/^[^:]*:\s*/, "");
    return { ok: false, line, message: t("csvLine", { line: line ?? "?", message: t("csvUnreadable", { reason }) }) };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, line: null, message: t("csvEmpty") };
  const columns = header.record.map((c) => c.toLowerCase());
  const index = Object.fromEntries(HEADER.map((c) => [c, columns.indexOf(c)])) as Record<(typeof HEADER)[number], number>;
  if (index.email < 0 || index.name < 0) return { ok: false, line: 1, message: t("csvHeader", { found: header.record.join(", ") || "—" }) };
  if (body.length === 0) return { ok: false, line: null, message: t("csvEmpty") };
  if (body.length > ROSTER_MAX_ROWS) return { ok: false, line: null, message: t("csvTooMany", { max: ROSTER_MAX_ROWS }) };

  const rowSchema = z.object({
    email: z.string().toLowerCase().max(EMAIL_MAX).pipe(z.email()),
    name: z.string().min(1).max(NAME_MAX),
    role: z.enum(RoleSchema.options),
  });
  const rows: RosterImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (i: number) => (i >= 0 ? (record[i] ?? "") : "");
    const raw = { email: cell(index.email), name: cell(index.name), role: cell(index.role).toLowerCase() || "student" };
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      const message =
        field === "email" ? t("csvEmail", { value: raw.email }) : field === "role" ? t("csvRole", { value: raw.role }) : raw.name ? t("csvNameLong", { max: NAME_MAX }) : t("csvName");
      return { ok: false, line, message: t("csvLine", { line, message }) };
    }
    const first = seen.get(parsed.data.email);
    if (first !== undefined) return { ok: false, line, message: t("csvLine", { line, message: t("csvDuplicate", { email: parsed.data.email, first }) }) };
    seen.set(parsed.data.email, line);
    rows.push(parsed.data);
  }
  return { ok: true, rows };
}

/** A CSV cell: quoted when it holds a separator, a quote or a line break; formula starters defused. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The roster as CSV with a UTF-8 BOM: the import's columns first, then what the page shows. */
export function rosterCsv(members: RosterMember[]): string {
  const lines = [["email", "name", "role", "joined", "join_code", "submissions"].join(",")];
  for (const m of members) lines.push([m.email, m.name, m.role, m.joinedAt.toISOString(), m.joinCode ?? "", String(m.submissions)].map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
