-- SynergyLink state, version 2: the transfers that went through every record of a type on one side (a Download all
-- for SYNERGY, an Upload all for TINYPLUS). A row's presence is the fact; it is never removed.
CREATE TABLE synergylink_transfer (
  connection_id VARCHAR(200) NOT NULL,
  record_type VARCHAR(20) NOT NULL,
  side VARCHAR(10) NOT NULL,
  CONSTRAINT synergylink_transfer_pk PRIMARY KEY (connection_id, record_type, side)
);
