-- Each kind of record keeps its custom field values as one JSON object; list filters and sorts read one value
-- through rapport_json_text, which PostgreSQL does with jsonb_extract_path_text.
alter table account add column custom_fields json;
alter table contact add column custom_fields json;
alter table lead add column custom_fields json;
alter table opportunity add column custom_fields json;
alter table product add column custom_fields json;
alter table sales_order add column custom_fields json;
alter table contract add column custom_fields json;
create alias rapport_json_text deterministic for 'org.rapport.customization.internal.H2JsonFunctions.text';
