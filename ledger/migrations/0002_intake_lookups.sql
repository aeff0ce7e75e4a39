-- Intake asks how many automatic answers an address got in the last hour (its rate limit), and
-- whether a mail with a given Message-ID from a given sender was recorded already.
CREATE INDEX outbox_created ON outbox (created_at);
CREATE INDEX mails_from_message_id ON mails (from_addr, message_id);
