-- The task's SLA (src/docs/assignment-and-sla.md): set once, by the diagram's SLA timer, when the task was not done
-- in time. Its priority points are added to priority_base at the same moment, so the list still sorts on one column.
ALTER TABLE task ADD COLUMN sla_passed_at DATETIME(3);
-- The customer's payment history when the task opened: the customer's other invoices that fell overdue, and those of
-- them on which a promise to pay was broken. Counted once, so the list never joins or aggregates another table.
ALTER TABLE task ADD COLUMN late_invoices INT NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN broken_promises INT NOT NULL DEFAULT 0;
CREATE INDEX ix_task_customer ON task (customer_id, invoice_number);
