-- Promises to pay and payment plans as the collectors follow them: one row per invoice a promise or a plan covers.
-- Its state is read from two dates: kept_on (set when the balance was paid in full by the deadline) and deadline
-- (the promised date + 2 days, or the grace date of the plan's next unmet instalment); past the deadline and not
-- kept, it is broken. source names what recorded it (a task, a plan negotiation), so a redelivery records nothing.
CREATE TABLE promise (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  kind            VARCHAR(8)    NOT NULL,
  invoice_number  VARCHAR(64)   NOT NULL,
  customer_id     VARCHAR(64),
  customer_name   VARCHAR(200),
  amount          DECIMAL(19,4),
  currency        VARCHAR(3),
  promised_on     DATE          NOT NULL,
  deadline        DATE          NOT NULL,
  paid            DECIMAL(19,4) NOT NULL DEFAULT 0,
  kept_on         DATE,
  instalments     TEXT,
  made_by         VARCHAR(100)  NOT NULL,
  made_at         DATETIME(3)   NOT NULL,
  source          VARCHAR(160)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_promise_source UNIQUE (source)
);
CREATE INDEX ix_promise_customer ON promise (customer_id, id);
CREATE INDEX ix_promise_invoice ON promise (invoice_number);
CREATE INDEX ix_promise_state ON promise (kept_on, deadline, id);

-- A customer's open invoices, read for the task and customer pages.
CREATE INDEX ix_invoice_customer_due ON invoice (customer_id, due_date);
-- A customer's open tasks, for the customer page.
CREATE INDEX ix_task_customer_state ON task (customer_id, state);
