-- One outbox message per ledger row: a redelivered job can no longer queue the same registered letter twice.
ALTER TABLE outbox_message ADD CONSTRAINT uk_outbox_message_delivery UNIQUE (delivery_id);
