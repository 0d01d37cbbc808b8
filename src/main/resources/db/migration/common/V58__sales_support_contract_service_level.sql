-- A contract may name the service level it promises, such as Gold or Standard; an SLA policy may apply to the cases
-- whose contract names a service level (matched without regard to case).
alter table contract add column service_level varchar(50);
alter table sla_policy add column match_service_level varchar(50);
