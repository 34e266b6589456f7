-- The list's line a task belongs to: its customer, or for a task with no known customer its own invoice ('#' first).
-- Stored so that it can be indexed: a page by priority walks the open tasks down ix_task_walk and aggregates only the
-- lines it meets (ix_task_group), instead of grouping every open task (src/docs/bench/task-list-100000.md).
ALTER TABLE task ADD COLUMN group_key VARCHAR(70);
UPDATE task SET group_key = COALESCE(customer_id, CONCAT('#', invoice_number));
CREATE INDEX ix_task_walk ON task (state, priority_base, group_key, element_id);
CREATE INDEX ix_task_group ON task (group_key, element_id, state);
