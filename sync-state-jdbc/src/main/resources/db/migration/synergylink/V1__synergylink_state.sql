-- SynergyLink state: one row set per connection (connection_id), shared by every connection of a host.
-- Portable SQL for PostgreSQL and H2. Instants are kept to the microsecond.

-- The run lease of each connection. The row stays after a release (holder null), so that fencing tokens only grow.
CREATE TABLE synergylink_lease (
  connection_id VARCHAR(200) NOT NULL,
  holder VARCHAR(200),
  fencing_token BIGINT NOT NULL,
  expires_at TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT synergylink_lease_pk PRIMARY KEY (connection_id)
);

-- Linked pairs with the engine's encoded merge state. Looked up by either side's id.
CREATE TABLE synergylink_link (
  connection_id VARCHAR(200) NOT NULL,
  record_type VARCHAR(20) NOT NULL,
  synergy_id BIGINT NOT NULL,
  tinyplus_id BIGINT NOT NULL,
  state VARCHAR NOT NULL,
  synergy_modified TIMESTAMP(6) WITH TIME ZONE,
  tinyplus_modified TIMESTAMP(6) WITH TIME ZONE,
  orphaned BOOLEAN NOT NULL,
  synced_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT synergylink_link_pk PRIMARY KEY (connection_id, record_type, synergy_id)
);
CREATE UNIQUE INDEX synergylink_link_tinyplus ON synergylink_link (connection_id, record_type, tinyplus_id);

-- Each record type's and side's high-water mark.
CREATE TABLE synergylink_cursor (
  connection_id VARCHAR(200) NOT NULL,
  record_type VARCHAR(20) NOT NULL,
  side VARCHAR(10) NOT NULL,
  modified TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  record_id BIGINT NOT NULL,
  CONSTRAINT synergylink_cursor_pk PRIMARY KEY (connection_id, record_type, side)
);

-- Create intents saved before a create is sent.
CREATE TABLE synergylink_pending_create (
  connection_id VARCHAR(200) NOT NULL,
  record_type VARCHAR(20) NOT NULL,
  target_side VARCHAR(10) NOT NULL,
  source_id BIGINT NOT NULL,
  marker VARCHAR(200) NOT NULL,
  sent VARCHAR NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT synergylink_pending_create_pk PRIMARY KEY (connection_id, record_type, target_side, source_id)
);
CREATE INDEX synergylink_pending_create_age ON synergylink_pending_create (connection_id, record_type, created_at);

-- Quarantined records and their next retry.
CREATE TABLE synergylink_failure (
  connection_id VARCHAR(200) NOT NULL,
  record_type VARCHAR(20) NOT NULL,
  side VARCHAR(10) NOT NULL,
  record_id BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  field VARCHAR(200),
  message VARCHAR NOT NULL,
  attempts INTEGER NOT NULL,
  next_retry TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  record_modified TIMESTAMP(6) WITH TIME ZONE,
  first_failed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT synergylink_failure_pk PRIMARY KEY (connection_id, record_type, side, record_id)
);
CREATE INDEX synergylink_failure_due ON synergylink_failure (connection_id, record_type, next_retry);
