-- SynergyLink state, the API economy: per-connection bookkeeping that every worker must see (the Synergy calls spent
-- today and each record type's poll times, when the project statuses were last checked). The value is the engine's
-- versioned JSON text, kept as it is.
CREATE TABLE synergylink_bookkeeping (
  connection_id VARCHAR(200) NOT NULL,
  bookkeeping_key VARCHAR(100) NOT NULL,
  bookkeeping_value VARCHAR NOT NULL,
  CONSTRAINT synergylink_bookkeeping_pk PRIMARY KEY (connection_id, bookkeeping_key)
);
