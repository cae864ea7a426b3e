/** The store's tables and transactions; not for users. */
package dev.synergylink.sync.jdbc.internal;
