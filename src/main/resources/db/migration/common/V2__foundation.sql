-- Timestamps are UTC instants in DATETIME(3); business dates are DATE in the company's zone.

CREATE TABLE customer (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  external_id  VARCHAR(64)  NOT NULL,
  name         VARCHAR(200) NOT NULL,
  type         VARCHAR(3)   NOT NULL,
  language     VARCHAR(2)   NOT NULL,
  email        VARCHAR(254),
  phone        VARCHAR(32),
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_customer_external_id UNIQUE (external_id)
);

CREATE TABLE invoice (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  invoice_number  VARCHAR(64)   NOT NULL,
  customer_id     BIGINT        NOT NULL,
  amount          DECIMAL(19,4) NOT NULL,
  currency        VARCHAR(3)    NOT NULL,
  issue_date      DATE          NOT NULL,
  due_date        DATE          NOT NULL,
  balance         DECIMAL(19,4) NOT NULL,
  overdue_since   DATETIME(3),
  cancelled_at    DATETIME(3),
  cancel_reason   VARCHAR(500),
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_invoice_number UNIQUE (invoice_number),
  CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_invoice_overdue_scan ON invoice (overdue_since, due_date);

CREATE TABLE payment (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  reference       VARCHAR(128)  NOT NULL,
  invoice_number  VARCHAR(64)   NOT NULL,
  amount          DECIMAL(19,4) NOT NULL,
  currency        VARCHAR(3)    NOT NULL,
  paid_on         DATE          NOT NULL,
  received_at     DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_payment_reference UNIQUE (reference)
);
CREATE INDEX ix_payment_invoice ON payment (invoice_number);

CREATE TABLE dunning_case (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  invoice_number        VARCHAR(64)  NOT NULL,
  status                VARCHAR(16)  NOT NULL,
  current_step          VARCHAR(128),
  process_version       INT,
  process_instance_key  BIGINT,
  engine_run            VARCHAR(64),
  claimed_at            DATETIME(3),
  variables             TEXT,
  opened_at             DATETIME(3)  NOT NULL,
  closed_at             DATETIME(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_dunning_case_invoice UNIQUE (invoice_number)
);
CREATE INDEX ix_dunning_case_status ON dunning_case (status);

CREATE TABLE payment_plan (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  case_id           BIGINT        NOT NULL,
  starting_balance  DECIMAL(19,4) NOT NULL,
  instalments       TEXT          NOT NULL,
  created_at        DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_payment_plan_case UNIQUE (case_id)
);

-- Append-only: rows are inserted, never updated or deleted. "source" names the engine job an entry came from, so
-- a redelivered job cannot record the same event twice.
CREATE TABLE case_history (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  invoice_number  VARCHAR(64)  NOT NULL,
  at              DATETIME(3)  NOT NULL,
  type            VARCHAR(40)  NOT NULL,
  element_id      VARCHAR(128),
  actor           VARCHAR(100) NOT NULL,
  details         TEXT,
  source          VARCHAR(120),
  PRIMARY KEY (id),
  CONSTRAINT uk_case_history_source UNIQUE (source)
);
CREATE INDEX ix_case_history_invoice ON case_history (invoice_number, id);

CREATE TABLE engine_clock (
  id             INT    NOT NULL,
  offset_millis  BIGINT NOT NULL,
  PRIMARY KEY (id)
);
INSERT INTO engine_clock (id, offset_millis) VALUES (1, 0);

CREATE TABLE diagram_deployment (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  resource_name    VARCHAR(200) NOT NULL,
  checksum         VARCHAR(64)  NOT NULL,
  process_id       VARCHAR(200),
  version          INT,
  deployed_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ix_diagram_deployment_resource ON diagram_deployment (resource_name, id);
