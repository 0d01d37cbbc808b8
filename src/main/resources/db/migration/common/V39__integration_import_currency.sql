-- The currency of an import's amounts that name none (ISO 4217): detected from the symbols and codes its amount cells
-- are written with, or chosen. Imports from before took EUR for them.
alter table import_job add column currency varchar(3) default 'EUR' not null;
