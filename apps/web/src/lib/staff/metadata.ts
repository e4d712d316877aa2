// Page titles of the staff tools, the profile and the reset pages, in the reader's language.
import type { Metadata } from "next";
import { staffMessages } from "../i18n/messages/staff.ts";
import { translator } from "../i18n/index.ts";
import { getLocale } from "../i18n/server.ts";

export function staffTitle(key: keyof (typeof staffMessages)["en"]): () => Promise<Metadata> {
  return async () => ({ title: translator(staffMessages, await getLocale())(key) });
}
