-- A saved segmentation of the accounts: what a run of the segmentation model found with the features, the scaling
-- and the algorithm that an analyst chose, kept until someone deletes it. A sample of its points (raw feature values
-- and cluster, at most a few thousand) is kept for its scatter chart.
create table analytics_segmentation (
    id          uuid primary key,
    run_id      uuid not null,
    name        varchar(200) not null,
    algorithm   varchar(20) not null,
    parameters  varchar(4000) not null,
    features    varchar(4000) not null,
    silhouette  double precision,
    accounts    integer not null,
    noise       integer not null,
    sample      text not null,
    created_by  uuid,
    created     timestamp(6) with time zone not null,
    version     bigint not null
);
create index analytics_segmentation_created_idx on analytics_segmentation (created, id);

-- The clusters of a saved segmentation, numbered from 1 by falling size (0 holds DBSCAN's noise): their sizes, the
-- means of the features in their own units, and the name a user gave them (none: "Cluster n").
create table analytics_cluster (
    segmentation_id  uuid not null references analytics_segmentation (id) on delete cascade,
    cluster          integer not null,
    size             integer not null,
    name             varchar(100),
    means            varchar(4000) not null,
    version          bigint not null,
    primary key (segmentation_id, cluster)
);

-- Each account's cluster in a saved segmentation, with the raw values of its features (a JSON array in the order of
-- the segmentation's features) and the account's owner and team, kept up to date by the analytics module, so that
-- a cluster's list shows each user only the accounts they may see, by one index.
create table account_segment (
    segmentation_id  uuid not null references analytics_segmentation (id) on delete cascade,
    account_id       uuid not null references account (id) on delete cascade,
    cluster          integer not null,
    owner_id         uuid,
    team_id          uuid,
    feature_values   varchar(4000) not null,
    primary key (segmentation_id, account_id)
);
create index account_segment_cluster_idx on account_segment (segmentation_id, cluster, account_id);
create index account_segment_owner_idx on account_segment (segmentation_id, owner_id, cluster, account_id);
create index account_segment_team_idx on account_segment (segmentation_id, team_id, cluster, account_id);
create index account_segment_account_idx on account_segment (account_id);
