/**
 * Runnable recipes and the demo.
 */
package dev.synergylink.examples;
