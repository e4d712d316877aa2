-- Live results: nothing to create on SQLite. The web app notices grading changes by reading
-- PRAGMA data_version (it changes when another connection commits), see
-- packages/db/src/live/change-feed.ts. This file keeps the two migration lists identical.
SELECT 1;
