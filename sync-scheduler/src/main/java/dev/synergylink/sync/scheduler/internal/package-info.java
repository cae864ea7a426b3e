/** The scheduler's workings; not for hosts. */
package dev.synergylink.sync.scheduler.internal;
