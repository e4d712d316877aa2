-- Live results: every change of a grading job's status (queued on insert, running, graded,
-- failed, requeued) is announced on channel "course_grading" with the submission id, so the web
-- app can push it to the page (LISTEN). NOTIFY is delivered on commit, so a listener never sees a
-- status the database does not hold.
CREATE OR REPLACE FUNCTION "course_grading_notify"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."status" IS NOT DISTINCT FROM NEW."status" THEN
    RETURN NEW;
  END IF;
  PERFORM pg_notify('course_grading', json_build_object('submissionId', NEW."submissionId", 'status', NEW."status")::text);
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "GradingJob_status_notify"
AFTER INSERT OR UPDATE OF "status" ON "GradingJob"
FOR EACH ROW EXECUTE FUNCTION "course_grading_notify"();
