-- A customer's name as searches compare it, without case or accents (io.dunning.invoice.SearchKey), so that a search
-- finds "Lefèvre" from "lefevre" on every database. V96 fills it for the customers already stored.
ALTER TABLE customer ADD COLUMN search_name VARCHAR(200) NULL;
CREATE INDEX ix_customer_search_name ON customer (search_name, external_id);
