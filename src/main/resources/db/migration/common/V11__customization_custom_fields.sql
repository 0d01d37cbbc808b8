-- The custom fields that administrators define per kind of record; the values live in each record's
-- custom_fields column (added per database in V11_1, as jsonb on PostgreSQL and json on H2).
create table custom_field (
    id            uuid primary key,
    version       bigint not null,
    entity        varchar(20) not null,
    field_key     varchar(40) not null,
    field_type    varchar(20) not null,
    label_en      varchar(100) not null,
    label_zh      varchar(100),
    help_en       varchar(300),
    help_zh       varchar(300),
    required      boolean not null,
    default_value varchar(1000),
    options       varchar(4000),
    currency      varchar(3),
    position      integer not null,
    retired       boolean not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    constraint custom_field_key_uq unique (entity, field_key)
);
