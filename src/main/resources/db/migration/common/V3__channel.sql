-- The delivery ledger: one row per (case, step, channel), written and committed before any provider is called,
-- so that a redelivered job finds the row SENT and sends nothing twice.
CREATE TABLE delivery (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  case_id              BIGINT        NOT NULL,
  step                 VARCHAR(128)  NOT NULL,
  channel              VARCHAR(8)    NOT NULL,
  invoice_number       VARCHAR(64)   NOT NULL,
  template             VARCHAR(64)   NOT NULL,
  recipient            VARCHAR(254),
  status               VARCHAR(8)    NOT NULL,
  attempts             INT           NOT NULL,
  provider             VARCHAR(16),
  provider_message_id  VARCHAR(128),
  error                VARCHAR(1000),
  created_at           DATETIME(3)   NOT NULL,
  updated_at           DATETIME(3)   NOT NULL,
  sent_at              DATETIME(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_delivery_case_step_channel UNIQUE (case_id, step, channel)
);
CREATE INDEX ix_delivery_invoice ON delivery (invoice_number);

-- Messages kept here instead of sent: email and SMS when no provider is configured, and every letter
-- (printed and posted as registered mail from here).
CREATE TABLE outbox_message (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  delivery_id     BIGINT        NOT NULL,
  channel         VARCHAR(8)    NOT NULL,
  recipient       VARCHAR(254)  NOT NULL,
  subject         VARCHAR(300),
  body            TEXT          NOT NULL,
  invoice_number  VARCHAR(64)   NOT NULL,
  step            VARCHAR(128)  NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_message_invoice ON outbox_message (invoice_number, id);

CREATE TABLE outbox_attachment (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  outbox_message_id  BIGINT        NOT NULL,
  filename           VARCHAR(200)  NOT NULL,
  content_type       VARCHAR(100)  NOT NULL,
  content            MEDIUMBLOB    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_outbox_attachment_message FOREIGN KEY (outbox_message_id) REFERENCES outbox_message (id)
);
