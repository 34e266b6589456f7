-- A page by oldest due date walks the open tasks along ix_task_due_walk, as a page by priority walks ix_task_walk;
-- a customer search reads the names from ix_task_name alone, not from the task rows
-- (src/docs/bench/task-list-100000.md).
CREATE INDEX ix_task_due_walk ON task (state, invoice_due_date, group_key, element_id);
CREATE INDEX ix_task_name ON task (state, customer_name, group_key);
