-- Decisions live in rules/, not in stored flags or pre-filtering SQL.
-- po_alert_state.above_threshold was written on every check and read by nothing: whether a purchase order is over
-- its threshold is po-alerts.drl's decision, made from last_percent (the state before a save) and the new usage.
alter table po_alert_state drop column above_threshold;

-- The rate look-up hands the rate-precedence rules every rate for the entry's activity (any user or project) and
-- every workspace rate, besides the user's and project's levels (indexed since V1); these keep that bounded.
create index rate_activity_idx on rate (activity_id, effective_from) where activity_id is not null;
create index rate_workspace_idx on rate (effective_from) where scope = 'WORKSPACE';
