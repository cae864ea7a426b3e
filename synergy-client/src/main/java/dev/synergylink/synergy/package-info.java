/**
 * Typed client for the Total Synergy API v2: OAuth2, paging, errors, retries and quota.
 */
package dev.synergylink.synergy;
