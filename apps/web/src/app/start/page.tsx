// Where signing in lands when nothing else was asked for: the staff home for people who teach
// (staff in a course, or allowed to create courses), the learner's courses for everyone else.
import { redirect } from "next/navigation";
import { requireUser } from "../../lib/auth.ts";
import { userTeaches } from "../../lib/courses/staff-access.ts";

export default async function StartPage() {
  const user = await requireUser("/start");
  redirect((await userTeaches(user.id)) ? "/staff" : "/my");
}
