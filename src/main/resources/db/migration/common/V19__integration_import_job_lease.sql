-- An import belongs to the node that runs it: the node's instance id and how long its claim lasts unless renewed.
-- A job whose lease has run out lost its node (a crash, a network split) and may be interrupted and resumed elsewhere.
alter table import_job add column worker varchar(200);
alter table import_job add column lease_until timestamp(6) with time zone;
