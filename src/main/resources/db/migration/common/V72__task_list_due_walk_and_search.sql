-- A page by oldest due date walks the open tasks along ix_task_due_walk, as a page by priority walks ix_task_walk.
-- A customer search reads the customers' names from ix_customer_name alone (one entry per customer, not per task)
-- (src/docs/bench/task-list-100000.md).
CREATE INDEX ix_task_due_walk ON task (state, invoice_due_date, group_key, element_id);
CREATE INDEX ix_customer_name ON customer (name, external_id);
