-- One call agrees one plan over the invoices ticked in it. completed_with is the call a task was completed in (the
-- lowest id of the tasks completed together; NULL for a task completed alone); agreement names the call on each plan
-- it made, so the pages show its plans as one.
ALTER TABLE task ADD COLUMN completed_with BIGINT;
ALTER TABLE promise ADD COLUMN agreement VARCHAR(64);
CREATE INDEX ix_promise_agreement ON promise (agreement);
