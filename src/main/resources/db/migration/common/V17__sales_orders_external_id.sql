-- The id another system gives an order, so that an import matches it again; unique where set.
alter table sales_order add column external_id varchar(100);
create unique index sales_order_external_id_idx on sales_order (external_id);
