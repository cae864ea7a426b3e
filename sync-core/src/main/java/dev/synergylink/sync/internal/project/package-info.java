/** The projects sync's machinery: its two sides, the per-run status, type, company and staff look-ups. */
package dev.synergylink.sync.internal.project;
