/**
 * The HTTP machinery of the Synergy client: Retrofit services, wire types, interceptors, the call runner. Not
 * an API: nothing outside this module may use it.
 */
package dev.synergylink.synergy.internal;
