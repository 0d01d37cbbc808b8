-- The products recommended to each account as the last run of the recommendations found them, best first, with the
-- products the account bought that led to each (their ids as JSON), and the account's owner and team beside them so
-- that only those who may see the account see them.
create table account_recommendation (
    account_id  uuid not null references account (id) on delete cascade,
    rank        integer not null,
    product_id  uuid not null references product (id) on delete cascade,
    score       double precision not null,
    because     varchar(2000) not null,
    owner_id    uuid,
    team_id     uuid,
    run_id      uuid not null,
    primary key (account_id, rank)
);
create index account_recommendation_run_idx on account_recommendation (run_id);
create index account_recommendation_owner_idx on account_recommendation (owner_id, account_id);
create index account_recommendation_team_idx on account_recommendation (team_id, account_id);

-- The products most often bought together with each product, most similar first, with the similarity and how many
-- accounts bought both.
create table product_pairing (
    product_id        uuid not null references product (id) on delete cascade,
    rank              integer not null,
    other_product_id  uuid not null references product (id) on delete cascade,
    score             double precision not null,
    buyers            integer not null,
    run_id            uuid not null,
    primary key (product_id, rank)
);
create index product_pairing_run_idx on product_pairing (run_id);
create index product_pairing_other_idx on product_pairing (other_product_id);
