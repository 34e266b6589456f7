-- A case may agree a plan more than once (a missed instalment, then a new call and a new negotiation): plans are
-- kept per negotiation, told apart by their first due date, and the latest one is the case's current plan.
ALTER TABLE payment_plan ADD COLUMN first_due_date DATE;
ALTER TABLE payment_plan DROP INDEX uk_payment_plan_case;
ALTER TABLE payment_plan ADD CONSTRAINT uk_payment_plan_negotiation UNIQUE (case_id, first_due_date);
CREATE INDEX ix_payment_plan_case ON payment_plan (case_id, id);
