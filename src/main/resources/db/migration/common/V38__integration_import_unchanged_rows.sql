-- Rows an import matched with a record that already held every value they carry: counted, and the record left as it was.
alter table import_job add column unchanged_rows integer default 0 not null;
