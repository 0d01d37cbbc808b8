-- The catalogue's quick search matches a prefix of the name or SKU, case-insensitively.
create index product_name_prefix_idx on product (lower(name) text_pattern_ops);
create index product_sku_prefix_idx on product (lower(sku) text_pattern_ops);
