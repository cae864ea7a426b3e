/** The pure three-way merge of a linked pair: bases and values in, a plan out; no I/O. */
package dev.synergylink.sync.internal.merge;
