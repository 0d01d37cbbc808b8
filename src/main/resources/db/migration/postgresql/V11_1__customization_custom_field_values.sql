-- Each kind of record keeps its custom field values as one JSON object.
alter table account add column custom_fields jsonb;
alter table contact add column custom_fields jsonb;
alter table lead add column custom_fields jsonb;
alter table opportunity add column custom_fields jsonb;
alter table product add column custom_fields jsonb;
alter table sales_order add column custom_fields jsonb;
alter table contract add column custom_fields jsonb;
