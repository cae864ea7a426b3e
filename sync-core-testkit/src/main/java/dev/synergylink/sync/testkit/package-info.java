/**
 * Test support: in-memory fakes of Synergy and tiny+, HTTP fake servers over them, fault injection.
 */
package dev.synergylink.sync.testkit;
