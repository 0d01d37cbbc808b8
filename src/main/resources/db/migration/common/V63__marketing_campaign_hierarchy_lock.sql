-- One row that every change to the campaign hierarchy locks first (select ... for update), so that two changes made
-- at the same moment (A under B, and B under A) are checked one after the other and cannot make a loop together.
create table campaign_hierarchy_lock (
    id integer primary key
);
insert into campaign_hierarchy_lock (id) values (1);
