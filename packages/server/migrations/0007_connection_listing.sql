-- What a list page reads of each connection: its document without the secrets, already as text. Kept by the database
-- itself (a stored generated column), so no write path can forget it. A page of 100 then joins text instead of
-- decoding, editing and re-encoding 100 jsonb documents: the page query took about half the time (PGlite and
-- PostgreSQL, 10,000 connections).
-- Upgrading: adding a stored column rewrites the table under an exclusive lock, so reads and writes of connections
-- wait until it is done; run it in a quiet moment on a large workspace.
ALTER TABLE connections ADD COLUMN listing text GENERATED ALWAYS AS ((data - 'secrets')::text) STORED;
