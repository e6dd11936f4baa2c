-- One rate per target, activity and start day: two rates starting the same day would make pricing ambiguous.
create unique index rate_target_day_key
    on rate (scope, coalesce(user_id, 0), coalesce(project_id, 0), coalesce(activity_id, 0), effective_from);
