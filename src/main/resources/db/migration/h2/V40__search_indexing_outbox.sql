-- The search index follows saved records through an outbox (Hibernate Search's outbox-polling coordination): each
-- transaction that changes an indexed record adds a row naming it, in the same commit; a background processor
-- indexes the named records in batches and deletes their rows, so that a record saved right before a crash is
-- indexed at the next start. The agent table registers that processor (and a running rebuild).
create table hsearch_outbox_event (
    id             uuid not null primary key,
    entity_name    varchar(256) not null,
    entity_id      varchar(256) not null,
    entity_id_hash integer not null,
    payload        binary large object not null,
    retries        integer not null,
    process_after  timestamp(6) with time zone not null,
    status         enum ('ABORTED', 'PENDING') not null,
    tenant_id      varchar(255)
);
-- The processor reads the pending rows in the order they were written.
create index hsearch_outbox_event_process_after_idx on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                   uuid not null primary key,
    type                 enum ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING',
                             'MASS_INDEXING') not null,
    name                 varchar(255) not null,
    expiration           timestamp(6) with time zone not null,
    state                enum ('RUNNING', 'SUSPENDED', 'WAITING') not null,
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              binary large object,
    tenant_id            varchar(255)
);
