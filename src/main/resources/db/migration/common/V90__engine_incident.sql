-- A job the engine gave up on (its retries ran out, or its data could not be mapped): the case stands still until a
-- manager retries it. engine_run scopes the engine's keys: an embedded engine's keys mean nothing after a restart, when
-- every open case is started anew. job_key is NULL for an incident with no job (a mapping), incident_key NULL while
-- only the worker's failure is known (a remote engine, before the incident is looked up).
CREATE TABLE engine_incident (
  id                    BIGINT         NOT NULL AUTO_INCREMENT,
  engine_run            VARCHAR(64)    NOT NULL,
  job_key               BIGINT,
  incident_key          BIGINT,
  process_instance_key  BIGINT         NOT NULL,
  element_id            VARCHAR(255)   NOT NULL,
  invoice_number        VARCHAR(64),
  message               VARCHAR(1000)  NOT NULL,
  raised_at             DATETIME(3)    NOT NULL,
  retried_by            VARCHAR(100),
  retried_at            DATETIME(3),
  PRIMARY KEY (id)
);
CREATE INDEX ix_engine_incident_open ON engine_incident (engine_run, retried_at, raised_at);
CREATE INDEX ix_engine_incident_job ON engine_incident (job_key);
