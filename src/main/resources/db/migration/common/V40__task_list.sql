-- What the collectors' list shows and filters on, copied from the invoice when the task opens so that a page of the
-- list is one indexed query on this table. priority_base is the task's priority minus the part that grows with
-- time (weight x days overdue): ordering by it is ordering by today's priority, whatever the day.
ALTER TABLE task ADD COLUMN customer_id       VARCHAR(64);
ALTER TABLE task ADD COLUMN customer_name     VARCHAR(200);
ALTER TABLE task ADD COLUMN customer_email    VARCHAR(254);
ALTER TABLE task ADD COLUMN customer_phone    VARCHAR(32);
ALTER TABLE task ADD COLUMN amount            DECIMAL(19,4);
ALTER TABLE task ADD COLUMN currency          VARCHAR(3);
ALTER TABLE task ADD COLUMN invoice_due_date  DATE;
ALTER TABLE task ADD COLUMN broken_promise_on DATE;
ALTER TABLE task ADD COLUMN priority_base     BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_task_list ON task (state, candidate_group, customer_id, element_id);
CREATE INDEX ix_task_assignee ON task (state, assignee);
