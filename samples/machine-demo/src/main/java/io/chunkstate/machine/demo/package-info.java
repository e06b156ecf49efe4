/**
 * Migrations between the two machine jars as processes: the demo, a proxy that cuts the
 * connection, the fault trials and the measurements, and the invariants every run is checked
 * against.
 */
package io.chunkstate.machine.demo;
