-- An external id names a record as another system knows it: imports match on it and resolve references by it.
alter table account add column external_id varchar(100);
create unique index account_external_id_idx on account (external_id);
alter table contact add column external_id varchar(100);
create unique index contact_external_id_idx on contact (external_id);
alter table lead add column external_id varchar(100);
create unique index lead_external_id_idx on lead (external_id);
-- One CSV import: its file, mapping and choices, and its checkpoint, written with every batch it commits.
create table import_job (
    id              uuid primary key,
    entity          varchar(30) not null,
    owner_id        uuid not null,
    file_name       varchar(255) not null,
    stored_file     varchar(500) not null,
    file_size       bigint not null,
    delimiter       varchar(1) not null,
    total_rows      integer not null,
    headers         varchar(20000) not null,
    mapping         varchar(20000),
    duplicate_mode  varchar(10) not null,
    match_by        varchar(20) not null,
    status          varchar(20) not null,
    last_line       bigint not null,
    processed_rows  integer not null,
    created_rows    integer not null,
    updated_rows    integer not null,
    skipped_rows    integer not null,
    rejected_rows   integer not null,
    failure         varchar(2000),
    created_at      timestamp(6) with time zone not null,
    started_at      timestamp(6) with time zone,
    finished_at     timestamp(6) with time zone,
    undone_at       timestamp(6) with time zone
);
create index import_job_owner_idx on import_job (owner_id, created_at);
create index import_job_status_idx on import_job (status);

-- The records a job created or updated (with the values they had before), for its undo.
create table import_job_record (
    job_id         uuid not null references import_job (id) on delete cascade,
    record_id      uuid not null,
    action         varchar(10) not null,
    version_after  bigint not null,
    previous       varchar(20000),
    primary key (job_id, record_id)
);

-- Every rejected row: its record number in the file (the header is line 1), why, and its values as read.
create table import_rejected_row (
    job_id   uuid not null references import_job (id) on delete cascade,
    line     bigint not null,
    reasons  varchar(4000) not null,
    cells    varchar(20000) not null,
    primary key (job_id, line)
);

-- A mapping of file columns to fields that a user saved under a name, offered again for the same entity.
create table import_mapping (
    id          uuid primary key,
    owner_id    uuid not null,
    entity      varchar(30) not null,
    name        varchar(100) not null,
    mapping     varchar(20000) not null,
    created_at  timestamp(6) with time zone not null
);
create unique index import_mapping_name_idx on import_mapping (owner_id, entity, name);
