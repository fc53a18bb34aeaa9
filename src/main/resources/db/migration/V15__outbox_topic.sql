-- Each outbox row names the Kafka topic it is published to: custody events go to the custody topic,
-- shipment events to the partner stream's (docs/kafka.md, docs/partner-stream.md). The name is the one
-- configured when the row was written, so a changed vein2vein.outbox.topic or shipments-topic moves only
-- the rows written after the change; rows still waiting then go where they were meant to.
-- Every row written before this version is a custody event, for the custody topic configured as it runs
-- (placeholder custody_topic, from vein2vein.outbox.topic). A constant default fills them without rewriting
-- the table; dropping it makes every later row name its topic.
ALTER TABLE outbox_message ADD COLUMN topic varchar(249) NOT NULL DEFAULT '${custody_topic}';
ALTER TABLE outbox_message ALTER COLUMN topic DROP DEFAULT;
