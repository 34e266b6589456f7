-- The collectors' tasks, projected from the engine's user-task jobs. Engine keys restart with every embedded JVM,
-- so a task is identified by our own id; job_key only says which job to complete.
-- open_key is '<invoice_number> <element_id>' while the task is OPEN and NULL once it is closed: MySQL has no
-- partial unique index, and a UNIQUE column accepts any number of NULLs, so this allows one open task per step.
CREATE TABLE task (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  invoice_number        VARCHAR(64)   NOT NULL,
  element_id            VARCHAR(128)  NOT NULL,
  form_id               VARCHAR(128)  NOT NULL,
  candidate_group       VARCHAR(100),
  assignee              VARCHAR(100),
  due_at                DATETIME(3),
  state                 VARCHAR(16)   NOT NULL,
  open_key              VARCHAR(200),
  job_key               BIGINT        NOT NULL,
  process_instance_key  BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  claimed_at            DATETIME(3),
  completed_by          VARCHAR(100),
  completed_at          DATETIME(3),
  cancelled_at          DATETIME(3),
  variables             TEXT,
  PRIMARY KEY (id),
  CONSTRAINT uk_task_open_key UNIQUE (open_key)
);
CREATE INDEX ix_task_invoice ON task (invoice_number, state);
CREATE INDEX ix_task_state ON task (state, id);
