-- The id another system gives a product, so that an import matches it again; unique where set.
alter table product add column external_id varchar(100);
create unique index product_external_id_idx on product (external_id);
