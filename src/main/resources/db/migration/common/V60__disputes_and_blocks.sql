-- Disputes and dunning blocks pause a case's path. open_invoice holds the invoice number while a dispute is open
-- (NULL once resolved), so the unique key allows one open dispute per invoice and any number of resolved ones.
CREATE TABLE dispute (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  invoice_number  VARCHAR(64)   NOT NULL,
  reason          VARCHAR(16)   NOT NULL,
  comment         VARCHAR(2000),
  raised_by       VARCHAR(100)  NOT NULL,
  raised_at       DATETIME(3)   NOT NULL,
  resolution      VARCHAR(16),
  resolved_by     VARCHAR(100),
  resolved_at     DATETIME(3),
  open_invoice    VARCHAR(64),
  PRIMARY KEY (id),
  CONSTRAINT uk_dispute_open UNIQUE (open_invoice)
);
CREATE INDEX ix_dispute_invoice ON dispute (invoice_number);

-- A manager's block on one invoice or on all of a customer's invoices (customer_id is the customer's external id),
-- until the start of expires_on, or until it is lifted.
CREATE TABLE dunning_block (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  invoice_number  VARCHAR(64),
  customer_id     VARCHAR(64),
  reason          VARCHAR(500)  NOT NULL,
  expires_on      DATE          NOT NULL,
  created_by      VARCHAR(100)  NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  lifted_by       VARCHAR(100),
  lifted_at       DATETIME(3),
  PRIMARY KEY (id)
);
CREATE INDEX ix_block_invoice ON dunning_block (invoice_number, lifted_at);
CREATE INDEX ix_block_customer ON dunning_block (customer_id, lifted_at);

-- One hold per case while any pause applies: when it began (the shift of the timers is counted from it) and the
-- step the path resumes at. Overlapping pauses share one hold.
CREATE TABLE case_hold (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  invoice_number  VARCHAR(64)   NOT NULL,
  resume_step     VARCHAR(128),
  held_since      DATETIME(3)   NOT NULL,
  released_at     DATETIME(3),
  shifted_days    INT,
  open_invoice    VARCHAR(64),
  PRIMARY KEY (id),
  CONSTRAINT uk_case_hold_open UNIQUE (open_invoice)
);
CREATE INDEX ix_case_hold_invoice ON case_hold (invoice_number);
