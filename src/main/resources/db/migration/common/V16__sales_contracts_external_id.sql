-- The id another system gives a contract, so that an import matches it again; unique where set.
alter table contract add column external_id varchar(100);
create unique index contract_external_id_idx on contract (external_id);
