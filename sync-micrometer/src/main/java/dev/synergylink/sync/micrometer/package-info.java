/**
 * Micrometer meters for SynergyLink connections: {@link dev.synergylink.sync.micrometer.SyncMetrics} hands out one
 * {@link dev.synergylink.sync.micrometer.ConnectionMetrics} listener per connection, which turns the engine's
 * events into runs, API calls, writes, conflicts, health gauges, quota gauges and a freshness gauge.
 */
package dev.synergylink.sync.micrometer;
