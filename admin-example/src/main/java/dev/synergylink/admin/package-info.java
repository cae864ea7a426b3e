/** A reference admin page over the SynergyLink SDK, on the testkit's fake servers. */
package dev.synergylink.admin;
