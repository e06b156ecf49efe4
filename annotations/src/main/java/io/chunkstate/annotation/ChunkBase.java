package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a superclass whose state its {@code @Chunk} subclasses save: its non-static,
 * non-transient fields travel first in every subclass's chunk, from the topmost such superclass
 * down, then the subclass's own fields (SPEC §4), as QEMU's {@code parent_obj} comes first in a
 * device's state. An e1000 model extends a PCI function:
 *
 * <pre>{@code
 * @ChunkBase
 * public abstract class PciFunction {
 *   @Unsigned short vendorId;
 *   @FixedLength(256) byte[] config = new byte[256];
 * }
 *
 * @Chunk("EtHe")
 * public class E1000 extends PciFunction {
 *   @Unsigned int ctrl;
 * }
 * }</pre>
 *
 * <p>A base is a class (abstract or not), not a record, interface or enum. Its fields follow the
 * rules of a {@code @Chunk} class's fields; they may hold sub-chunks, be the {@code @ChunkKey},
 * and the base may declare the {@code @PreSave} and {@code @PostLoad} hooks that every subclass
 * runs. Every superclass of a {@code @Chunk} class that has instance fields must be a base, so no
 * state is left out silently; a base in another package than a subclass makes itself and its state
 * fields public. The annotation processor checks all of this at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ChunkBase {}
