package dev.synergylink.sync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the engine's value types: abstract types are interfaces named for what they are
 * ({@code SyncSettings}), their implementations are generated as {@code ImmutableSyncSettings} with a public
 * builder, and no Guava is needed at run time. Users never apply it; it is public only because the generated code
 * must see it.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "*",
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true))
public @interface SyncStyle {}
