-- The formal notice as it was issued: the PDF bytes that were sent and their SHA-256, so that a redelivered job sends
-- the same letter and the handoff dossier ships exactly what the customer received.
CREATE TABLE formal_notice (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  case_id         BIGINT        NOT NULL,
  step            VARCHAR(128)  NOT NULL,
  invoice_number  VARCHAR(64)   NOT NULL,
  issued_on       DATE          NOT NULL,
  deadline        DATE          NOT NULL,
  terms           TEXT          NOT NULL,
  pdf             MEDIUMBLOB    NOT NULL,
  pdf_sha256      CHAR(64)      NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_formal_notice_case_step UNIQUE (case_id, step)
);
CREATE INDEX ix_formal_notice_invoice ON formal_notice (invoice_number);
