/**
 * The SynergyLink sync engine: keeps Total Synergy and tiny+ records in two-way sync.
 */
package dev.synergylink.sync;
