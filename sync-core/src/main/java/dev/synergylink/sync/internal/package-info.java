/** The engine's machinery: not API, may change in any release. */
package dev.synergylink.sync.internal;
