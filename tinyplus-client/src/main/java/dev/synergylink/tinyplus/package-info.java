/**
 * Typed client for the tiny+ API v2: tokens, account-local time, paging, errors and retries.
 */
package dev.synergylink.tinyplus;
