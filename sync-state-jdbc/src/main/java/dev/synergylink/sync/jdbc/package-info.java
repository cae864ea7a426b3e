/**
 * A {@link dev.synergylink.sync.spi.StateStore} on a JDBC {@link javax.sql.DataSource}: PostgreSQL in production, H2
 * embedded. Start with {@link dev.synergylink.sync.jdbc.JdbcStateStore#builder()}.
 */
package dev.synergylink.sync.jdbc;
