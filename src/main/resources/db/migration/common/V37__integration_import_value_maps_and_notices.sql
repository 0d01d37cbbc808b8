-- What an import's file values that name none of a column's choices stand for, as JSON: column key to file value to
-- our choice, or empty to leave the value out. Set on the preview or by the API; a saved mapping keeps its own.
alter table import_job add column value_map varchar(20000);
alter table import_mapping add column value_map varchar(20000);

-- Every row an import stored without a value of the file (an optional choice that is not one of ours): its record
-- number in the file (the header is line 1), what it went without and why, and its cells as read.
create table import_row_notice (
    job_id   uuid not null references import_job (id) on delete cascade,
    line     bigint not null,
    notices  varchar(4000) not null,
    cells    varchar(20000) not null,
    primary key (job_id, line)
);
