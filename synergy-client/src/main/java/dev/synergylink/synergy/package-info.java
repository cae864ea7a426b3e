/**
 * Typed client for the Total Synergy API v2: OAuth2, paging, errors, retries and quota.
 *
 * <p>Start at {@link dev.synergylink.synergy.SynergyClient#builder()}; connect a user with
 * {@link dev.synergylink.synergy.SynergyOAuth}. Records are immutable values ({@code Project}, {@code Contact},
 * {@code Personnel}, {@code Staff}); writes are create and patch requests that tell "leave unchanged" (a member
 * never set) from "clear" (a member set to {@code null}). Every failure is an unchecked
 * {@link dev.synergylink.synergy.SynergyApiException}.
 */
package dev.synergylink.synergy;
