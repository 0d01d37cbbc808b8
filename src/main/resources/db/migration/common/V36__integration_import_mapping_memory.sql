-- Where an import's mapping came from: the source system (Salesforce, HubSpot…) its headers look like, the one whose
-- headers the guess went by, when the mapping is one remembered from an earlier import, and which column the guess
-- took where several could fill one field.
create table import_mapping_origin (
    job_id           uuid primary key references import_job (id) on delete cascade,
    detected_source  varchar(30),
    source           varchar(30),
    remembered_at    timestamp(6) with time zone,
    choices          varchar(20000) not null
);

-- The mapping a user last started an import with, per kind of record and the file's headers (normalised: lower
-- case, without spaces and punctuation, in their order; header_key is their SHA-256), offered to the next file of
-- the same headers.
create table import_remembered_mapping (
    owner_id    uuid not null,
    entity      varchar(30) not null,
    header_key  varchar(64) not null,
    headers     varchar(20000) not null,
    mapping     varchar(20000) not null,
    source      varchar(30),
    used_at     timestamp(6) with time zone not null,
    primary key (owner_id, entity, header_key)
);
