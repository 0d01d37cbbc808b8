-- The id another system gives a product or an opportunity, so that an import matches it again; unique where set.
alter table product add column external_id varchar(100);
create unique index product_external_id_idx on product (external_id);
alter table opportunity add column external_id varchar(100);
create unique index opportunity_external_id_idx on opportunity (external_id);
