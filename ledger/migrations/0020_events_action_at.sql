-- 0020_events_action_at (issue 23): the hourly limits on notices count the events of an action
-- since a time (CountEvents, for each mail that may cause one; CountEventsSince, on every
-- scheduler pass). Without an index each count read every event ever recorded, the whole audit
-- trail of the office's years.
CREATE INDEX events_action_at ON events (action, at);
