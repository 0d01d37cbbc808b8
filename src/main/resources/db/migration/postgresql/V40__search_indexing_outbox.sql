-- The search index follows saved records through an outbox (Hibernate Search's outbox-polling coordination): each
-- transaction that changes an indexed record adds a row naming it, in the same commit; a background processor
-- indexes the named records in batches and deletes their rows, so that a record saved right before a crash is
-- indexed at the next start. The agent table registers that processor (and a running rebuild).
create table hsearch_outbox_event (
    id             uuid not null primary key,
    entity_name    varchar(256) not null,
    entity_id      varchar(256) not null,
    entity_id_hash integer not null,
    payload        bytea not null,
    retries        integer not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255) not null check (status in ('PENDING', 'ABORTED')),
    tenant_id      varchar(255)
);
-- The processor reads the pending rows in the order they were written.
create index hsearch_outbox_event_process_after_idx on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                   uuid not null primary key,
    type                 varchar(255) not null check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING',
                             'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name                 varchar(255) not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              bytea,
    tenant_id            varchar(255)
);
